package org.orchestra.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.forms.FormDefinition.Validation;
import org.orchestra.identity.NationalNumber;
import org.orchestra.territory.Address;
import org.orchestra.territory.Place;
import org.orchestra.territory.Territory;
import org.springframework.stereotype.Component;

/**
 * Checks the answers of one step against its fields' types and rules. Fields hidden by their condition are neither
 * checked nor kept.
 */
@Component
class AnswerChecker {

	static final String LON = "lon";
	static final String LAT = "lat";
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final DateTimeFormatter BELGIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
	private static final int DEFAULT_MAX_FILE_KB = 10 * 1024;

	private final Territory territory;
	private final DocumentManagement documents;

	AnswerChecker(Territory territory, DocumentManagement documents) {
		this.territory = territory;
		this.documents = documents;
	}

	/** Checks a step: the answers it leaves (merged with the earlier ones) and the errors per field. */
	Result check(Step step, StepInput input, Map<String, Answer> before) {
		Map<String, Answer> answers = new LinkedHashMap<>(before);
		Map<String, FieldError> errors = new LinkedHashMap<>();
		for (Field field : step.fields()) {
			answers.remove(field.key());
		}
		for (Field field : step.fields()) {
			if (!FormDefinition.holds(field.condition(), answers)) {
				continue;
			}
			try {
				Answer answer = answer(field, input, before.get(field.key()));
				if (answer == null) {
					if (field.required()) {
						errors.put(field.key(), FieldError.of(field.key(),
								field.type() == FieldType.CONSENT ? "forms.error.consent-required" : "forms.error.required"));
					}
				}
				else {
					answers.put(field.key(), answer);
				}
			}
			catch (Refused refused) {
				errors.put(field.key(), new FieldError(field.key(), refused.code, refused.arguments));
				Answer previous = before.get(field.key());
				if (previous != null && field.type() == FieldType.FILE) {
					answers.put(field.key(), previous);
				}
			}
		}
		return new Result(answers, errors);
	}

	record Result(Map<String, Answer> answers, Map<String, FieldError> errors) {
	}

	private static final class Refused extends RuntimeException {

		final String code;
		final List<String> arguments;

		Refused(String code, String... arguments) {
			super(code, null, false, false);
			this.code = code;
			this.arguments = List.of(arguments);
		}
	}

	private @Nullable Answer answer(Field field, StepInput input, @Nullable Answer previous) {
		List<String> raw = input.values().getOrDefault(field.key(), List.of());
		List<String> values = raw.stream().map(AnswerChecker::clean).filter(v -> !v.isBlank()).toList();
		String value = values.isEmpty() ? null : values.getFirst();
		Validation rules = field.rules();
		return switch (field.type()) {
			case TEXT -> value == null ? null : Answer.text(text(value, rules, 500));
			case LONG_TEXT -> value == null ? null : Answer.text(text(value, rules, 4000));
			case NUMBER -> value == null ? null : Answer.text(number(value, rules));
			case DATE -> value == null ? null : Answer.text(date(value, rules).toString());
			case EMAIL -> value == null ? null : Answer.text(email(value));
			case SINGLE_CHOICE -> value == null ? null : Answer.text(choice(field, value));
			case MULTIPLE_CHOICE -> values.isEmpty() ? null : Answer.choices(choices(field, values));
			case NATIONAL_NUMBER -> value == null ? null
					: Answer.text(NationalNumber.parse(value)
						.orElseThrow(() -> new Refused("forms.error.national-number"))
						.value());
			case ADDRESS -> address(value, input);
			case FILE -> file(input.files().get(field.key()), rules, previous);
			case CONSENT -> value != null && (value.equals("true") || value.equals("on")) ? Answer.text("true") : null;
		};
	}

	/** Strips control characters and lone surrogates. */
	static String clean(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach(cp -> {
			boolean control = cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' || cp == 0x7f;
			boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
			boolean nonCharacter = cp == 0xFFFE || cp == 0xFFFF;
			if (!control && !surrogate && !nonCharacter) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString().strip();
	}

	private static String text(String value, Validation rules, int defaultMax) {
		int max = rules.maxLength() == null ? defaultMax : rules.maxLength();
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			throw new Refused("forms.error.too-long", Integer.toString(max));
		}
		if (rules.minLength() != null && length < rules.minLength()) {
			throw new Refused("forms.error.too-short", Integer.toString(rules.minLength()));
		}
		if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(value).matches()) {
			throw new Refused("forms.error.pattern");
		}
		return value;
	}

	private static String number(String value, Validation rules) {
		String normalised = value.replace(" ", "").replace(',', '.');
		if (normalised.length() > 30 || !normalised.matches("[-+]?\\d+(\\.\\d+)?")) {
			throw new Refused("forms.error.number");
		}
		BigDecimal number = new BigDecimal(normalised);
		if (Boolean.TRUE.equals(rules.integer()) && number.stripTrailingZeros().scale() > 0) {
			throw new Refused("forms.error.integer");
		}
		if (rules.min() != null && number.compareTo(rules.min()) < 0) {
			throw new Refused("forms.error.min", rules.min().toPlainString());
		}
		if (rules.max() != null && number.compareTo(rules.max()) > 0) {
			throw new Refused("forms.error.max", rules.max().toPlainString());
		}
		return number.stripTrailingZeros().toPlainString();
	}

	private static LocalDate date(String value, Validation rules) {
		LocalDate date;
		try {
			date = value.contains("/") ? LocalDate.parse(value, BELGIAN_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new Refused("forms.error.date");
		}
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
		if (Validation.PAST.equals(rules.dateRange()) && date.isAfter(today)) {
			throw new Refused("forms.error.date-future");
		}
		if (Validation.FUTURE.equals(rules.dateRange()) && date.isBefore(today)) {
			throw new Refused("forms.error.date-past");
		}
		if (rules.minDate() != null && date.isBefore(rules.minDate())) {
			throw new Refused("forms.error.date-min", rules.minDate().toString());
		}
		if (rules.maxDate() != null && date.isAfter(rules.maxDate())) {
			throw new Refused("forms.error.date-max", rules.maxDate().toString());
		}
		return date;
	}

	private static String email(String value) {
		if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
			throw new Refused("forms.error.email");
		}
		return value;
	}

	private static String choice(Field field, String value) {
		if (field.option(value).isEmpty()) {
			throw new Refused("forms.error.choice");
		}
		return value;
	}

	private static List<String> choices(Field field, List<String> values) {
		List<String> chosen = new ArrayList<>(new LinkedHashSet<>(values));
		for (String value : chosen) {
			choice(field, value);
		}
		Validation rules = field.rules();
		if (rules.min() != null && chosen.size() < rules.min().intValue()) {
			throw new Refused("forms.error.choices-min", rules.min().toPlainString());
		}
		if (rules.max() != null && chosen.size() > rules.max().intValue()) {
			throw new Refused("forms.error.choices-max", rules.max().toPlainString());
		}
		return chosen;
	}

	private @Nullable Answer address(@Nullable String text, StepInput input) {
		Double lon = coordinate(input.values().get(LON));
		Double lat = coordinate(input.values().get(LAT));
		if (text != null && text.length() > 300) {
			throw new Refused("forms.error.too-long", "300");
		}
		Place place;
		String label = text;
		if (lon != null && lat != null) {
			try {
				place = territory.locate(lon, lat);
			}
			catch (IllegalArgumentException ex) {
				throw new Refused("forms.error.address-not-found");
			}
		}
		else if (text != null) {
			List<Address> found = territory.searchAddresses(text, 1);
			if (found.isEmpty()) {
				throw new Refused("forms.error.address-not-found");
			}
			Address address = found.getFirst();
			place = territory.locate(address.lon(), address.lat());
		}
		else {
			return null;
		}
		if (!place.inRegion() || place.nisCode() == null) {
			throw new Refused("forms.error.address-outside");
		}
		if (label == null) {
			label = place.communeFr() + " / " + place.communeNl();
		}
		return Answer.address(label, place.lon(), place.lat(), place.nisCode());
	}

	private static @Nullable Double coordinate(@Nullable List<String> values) {
		if (values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(values.getFirst().strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private @Nullable Answer file(StepInput.@Nullable Upload upload, Validation rules, @Nullable Answer previous) {
		if (upload == null || upload.size() == 0) {
			return previous;
		}
		int maxKb = rules.maxSizeKb() == null ? DEFAULT_MAX_FILE_KB : rules.maxSizeKb();
		if (upload.size() > maxKb * 1024L) {
			throw new Refused("forms.error.file-size", Integer.toString(maxKb / 1024 > 0 ? maxKb / 1024 : 1));
		}
		byte[] content;
		try {
			content = upload.content().read();
		}
		catch (IOException ex) {
			throw new Refused("forms.error.file-unreadable");
		}
		if (content.length == 0 || content.length > maxKb * 1024L) {
			throw new Refused("forms.error.file-unreadable");
		}
		List<String> accepted = rules.fileTypes() == null || rules.fileTypes().isEmpty()
				? List.of("pdf", "png", "jpeg") : rules.fileTypes();
		String kind = detect(content).filter(accepted::contains)
			.orElseThrow(() -> new Refused("forms.error.file-type", String.join(", ", accepted).toUpperCase()));
		String sha256 = documents.storeBlob(content);
		return Answer.file(sha256, filename(upload.filename(), kind), contentType(kind), content.length);
	}

	/** The kind of file, from its first bytes (never from its name or declared type). */
	static Optional<String> detect(byte[] content) {
		if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F'
				&& content[4] == '-') {
			return Optional.of("pdf");
		}
		if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
				&& content[3] == 'G') {
			return Optional.of("png");
		}
		if (content.length >= 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8
				&& (content[2] & 0xff) == 0xFF) {
			return Optional.of("jpeg");
		}
		return Optional.empty();
	}

	static String contentType(String kind) {
		return switch (kind) {
			case "pdf" -> "application/pdf";
			case "png" -> "image/png";
			default -> "image/jpeg";
		};
	}

	private static String filename(@Nullable String name, String kind) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		if (base.isEmpty() || base.startsWith(".")) {
			base = "document";
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		String extension = kind.equals("jpeg") ? ".jpg" : "." + kind;
		return base.toLowerCase().endsWith(extension) || base.toLowerCase().endsWith(".jpeg") ? base : base + extension;
	}
}
