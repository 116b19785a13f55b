package org.orchestra.forms;

import java.util.List;

/** Why an answer was refused: a message key of the forms bundle and its arguments. */
public record FieldError(String field, String code, List<String> arguments) {

	public static FieldError of(String field, String code, String... arguments) {
		return new FieldError(field, code, List.of(arguments));
	}
}
