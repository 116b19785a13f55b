package org.orchestra.incident.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 responses in both of the specification's formats: XML ({@code text/xml; charset=utf-8}, with
 * list wrappers) and JSON ({@code application/json; charset=utf-8}, lists as arrays).
 */
final class Open311Output {

	static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");
	static final MediaType JSON = MediaType.parseMediaType("application/json; charset=utf-8");

	/** A list inside an item: XML wraps each element in {@code itemName}. */
	record XmlList(String itemName, List<?> items) {
	}

	private final JsonMapper json;

	Open311Output(JsonMapper json) {
		this.json = json;
	}

	static boolean supported(String format) {
		return "xml".equals(format) || "json".equals(format);
	}

	ResponseEntity<String> list(String format, HttpStatus status, String root, String item,
			List<? extends Map<String, ?>> items) {
		if ("json".equals(format)) {
			return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(jsonValue(items)));
		}
		StringBuilder out = header();
		out.append('<').append(root).append('>');
		for (Map<String, ?> entry : items) {
			element(out, item, entry);
		}
		out.append("</").append(root).append('>');
		return ResponseEntity.status(status).contentType(XML).body(out.toString());
	}

	ResponseEntity<String> object(String format, String root, Map<String, ?> value) {
		if ("json".equals(format)) {
			return ResponseEntity.ok().contentType(JSON).body(json.writeValueAsString(jsonValue(value)));
		}
		StringBuilder out = header();
		element(out, root, value);
		return ResponseEntity.ok().contentType(XML).body(out.toString());
	}

	ResponseEntity<String> errors(String format, HttpStatus status, String description) {
		Map<String, Object> error = new java.util.LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		return list("json".equals(format) ? "json" : "xml", status, "errors", "error", List.of(error));
	}

	private static StringBuilder header() {
		return new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
	}

	private static void element(StringBuilder out, String name, @Nullable Object value) {
		if (value == null) {
			out.append('<').append(name).append("/>");
			return;
		}
		out.append('<').append(name).append('>');
		switch (value) {
			case Map<?, ?> map -> map.forEach((key, child) -> element(out, key.toString(), child));
			case XmlList list -> list.items().forEach(child -> element(out, list.itemName(), child));
			default -> escape(out, value.toString());
		}
		out.append("</").append(name).append('>');
	}

	private static @Nullable Object jsonValue(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case XmlList list -> list.items().stream().map(Open311Output::jsonValue).toList();
			case Map<?, ?> map -> {
				Map<String, Object> copy = new java.util.LinkedHashMap<>();
				map.forEach((key, child) -> copy.put(key.toString(), jsonValue(child)));
				yield copy;
			}
			case Collection<?> collection -> collection.stream().map(Open311Output::jsonValue).toList();
			default -> value;
		};
	}

	private static void escape(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
	}
}
