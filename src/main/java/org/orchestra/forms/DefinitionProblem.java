package org.orchestra.forms;

import java.util.List;

/**
 * Something wrong with a form definition: a message key of the forms bundle, its arguments and where it was
 * found (a step or field key, or the form itself).
 */
public record DefinitionProblem(String code, String where, List<String> arguments) {

	public static DefinitionProblem of(String code, String where, String... arguments) {
		return new DefinitionProblem(code, where, List.of(arguments));
	}
}
