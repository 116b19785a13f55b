package org.orchestra.opendata.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.apache.jena.irix.IRIx;
import org.apache.jena.langtag.LangTags;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Values from harvested sources made safe to write as RDF: IRIs repaired (spaces and other characters an IRI cannot
 * hold are percent-encoded) or refused, texts stripped of characters XML cannot carry, language tags checked, bounding
 * boxes turned into WKT. Whatever is written parses in every serialisation.
 */
final class RdfValues {

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+", Pattern.DOTALL);
	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
	private static final Pattern WKT = Pattern.compile("^(POLYGON|MULTIPOLYGON|POINT)\\s*\\(.*\\)$",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
	private static final Pattern MEDIA_TYPE = Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$");

	private RdfValues() {
	}

	/**
	 * The value as an absolute IRI: as given when it is one, else with the characters an IRI cannot hold
	 * percent-encoded; empty when even that gives no valid absolute IRI (no scheme, a broken host...).
	 */
	static Optional<String> iri(@Nullable String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String value = raw.strip();
		if (value.isEmpty() || value.length() > 4000 || !SCHEME.matcher(value).matches()) {
			return Optional.empty();
		}
		if (valid(value)) {
			return Optional.of(value);
		}
		String gentle = encode(value, false);
		if (valid(gentle)) {
			return Optional.of(gentle);
		}
		String strict = encode(value, true);
		return valid(strict) ? Optional.of(strict) : Optional.empty();
	}

	private static boolean valid(String value) {
		try {
			IRIx iri = IRIx.create(value);
			if (iri.isRelative() || iri.scheme() == null) {
				return false;
			}
			AtomicBoolean error = new AtomicBoolean();
			iri.handleViolations((isError, message) -> {
				if (isError) {
					error.set(true);
				}
			});
			return !error.get();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Percent-encodes what an IRI cannot hold: white space, controls, {@code <>"{}|\^`}, a {@code %} that starts no
	 * escape, a second {@code #}; strictly also brackets and every non-ASCII character.
	 */
	private static String encode(String value, boolean strict) {
		StringBuilder out = new StringBuilder(value.length() + 16);
		boolean fragment = false;
		int i = 0;
		while (i < value.length()) {
			int c = value.codePointAt(i);
			int width = Character.charCount(c);
			boolean escape;
			if (c == '%') {
				escape = !(i + 2 < value.length() && hex(value.charAt(i + 1)) && hex(value.charAt(i + 2)));
			}
			else if (c == '#') {
				escape = fragment;
				fragment = true;
			}
			else if (c <= 0x20 || c == 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0 || Character.isWhitespace(c)
					|| Character.isISOControl(c) || c >= 0xfff0 && c <= 0xffff || Character.getType(c) == Character.SURROGATE) {
				escape = true;
			}
			else {
				escape = strict && (c == '[' || c == ']' || c > 0x7e);
			}
			if (escape) {
				for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
				}
			}
			else {
				out.appendCodePoint(c);
			}
			i += width;
		}
		return out.toString();
	}

	private static boolean hex(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
	}

	/** The text without the characters XML 1.0 cannot carry, stripped; empty when nothing is left. */
	static Optional<String> text(@Nullable String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		StringBuilder out = new StringBuilder(raw.length());
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
				out.append(c).append(raw.charAt(i + 1));
				i += 2;
				continue;
			}
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
					|| c >= 0xE000 && c <= 0xFFFD;
			if (allowed) {
				out.append(c);
			}
			i++;
		}
		String text = out.toString().strip();
		return text.isEmpty() ? Optional.empty() : Optional.of(text);
	}

	/** A valid BCP 47 language tag for a language key ({@code fr}, {@code nl_BE}), empty when it cannot be one. */
	static Optional<String> language(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		String tag = key.strip().replace('_', '-');
		if (tag.length() > 35 || !tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
			return Optional.empty();
		}
		try {
			return LangTags.check(tag) ? Optional.of(tag.toLowerCase(Locale.ROOT)) : Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The {@code mailto:} IRI of an e-mail address (which may already be one), if it looks like one. */
	static Optional<String> mailto(@Nullable String email) {
		if (email == null) {
			return Optional.empty();
		}
		String address = email.strip();
		if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
			address = address.substring(7);
		}
		return EMAIL.matcher(address).matches() ? iri("mailto:" + address) : Optional.empty();
	}

	/** The IANA IRI of a media type ({@code text/csv}), or the IRI given, if it is one. */
	static Optional<String> mediaType(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String type = value.strip();
		if (type.startsWith("http://") || type.startsWith("https://")) {
			return iri(type);
		}
		type = type.toLowerCase(Locale.ROOT).replaceFirst(";.*$", "").strip();
		return MEDIA_TYPE.matcher(type).matches() ? iri("http://www.iana.org/assignments/media-types/" + type)
				: Optional.empty();
	}

	/**
	 * A bounding box as a WKT literal: WKT as given ({@code POLYGON((...))}) when it parses, or four numbers west,
	 * south, east, north (separated by commas or spaces) turned into a polygon; empty when it is neither.
	 */
	static Optional<String> wkt(@Nullable String bbox) {
		return geometry(bbox).map(Geometry::toText);
	}

	/** The area a bounding box (WKT or four numbers west, south, east, north) covers, if it is one. */
	static Optional<Geometry> geometry(@Nullable String bbox) {
		Optional<String> value = text(bbox);
		if (value.isEmpty() || value.get().length() > 4000) {
			return Optional.empty();
		}
		String box = value.get();
		GeometryFactory factory = new GeometryFactory();
		if (WKT.matcher(box).matches()) {
			try {
				Geometry geometry = new WKTReader(factory).read(box);
				return geometry.isEmpty() || !Double.isFinite(geometry.getEnvelopeInternal().getArea())
						? Optional.empty() : Optional.of(geometry);
			}
			catch (ParseException | RuntimeException ex) {
				return Optional.empty();
			}
		}
		String[] parts = box.split("[,;\\s]+");
		if (parts.length != 4) {
			return Optional.empty();
		}
		double[] n = new double[4];
		for (int i = 0; i < 4; i++) {
			if (!NUMBER.matcher(parts[i]).matches()) {
				return Optional.empty();
			}
			n[i] = Double.parseDouble(parts[i]);
			if (!Double.isFinite(n[i])) {
				return Optional.empty();
			}
		}
		Envelope envelope = new Envelope(n[0], n[2], n[1], n[3]);
		return Optional.of(factory.toGeometry(envelope));
	}
}
