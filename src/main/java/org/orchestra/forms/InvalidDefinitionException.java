package org.orchestra.forms;

import java.util.List;

/** A form definition that cannot be stored, with every problem found. */
public class InvalidDefinitionException extends FormsException {

	private final transient List<DefinitionProblem> problems;

	public InvalidDefinitionException(List<DefinitionProblem> problems) {
		super("forms.error.definition-invalid", 422);
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return problems;
	}
}
