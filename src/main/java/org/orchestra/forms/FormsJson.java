package org.orchestra.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes form definitions and answers as JSON, strictly: unknown properties are errors. */
@Component
public class FormsJson {

	private static final TypeReference<LinkedHashMap<String, Answer>> ANSWERS = new TypeReference<>() {
	};

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.changeDefaultPropertyInclusion(
				include -> include.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
		.build();

	private final JsonMapper compact = mapper.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

	/** Parses a definition; JSON that does not fit the model is reported as definition problems. */
	public FormDefinition readDefinition(String json) {
		if (json == null || json.isBlank()) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.empty", "")));
		}
		try {
			FormDefinition definition = mapper.readValue(json, FormDefinition.class);
			if (definition == null) {
				throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.empty", "")));
			}
			return definition;
		}
		catch (UnrecognizedPropertyException ex) {
			throw problem("forms.definition.unknown-property", ex, ex.getPropertyName());
		}
		catch (InvalidFormatException ex) {
			if (ex.getTargetType() == FieldType.class) {
				throw problem("forms.definition.unknown-type", ex, String.valueOf(ex.getValue()));
			}
			throw problem("forms.definition.bad-value", ex, String.valueOf(ex.getValue()));
		}
		catch (ValueInstantiationException ex) {
			throw problem("forms.definition.text-missing", ex, "");
		}
		catch (MismatchedInputException ex) {
			throw problem("forms.definition.bad-value", ex, "");
		}
		catch (DatabindException ex) {
			throw problem("forms.definition.bad-value", ex, "");
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.unreadable", "")));
		}
	}

	private static InvalidDefinitionException problem(String code, DatabindException ex, String argument) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return new InvalidDefinitionException(List.of(DefinitionProblem.of(code, path.toString(), argument)));
	}

	public String write(FormDefinition definition) {
		return mapper.writeValueAsString(definition);
	}

	public Map<String, Answer> readAnswers(String json) {
		Map<String, Answer> answers = compact.readValue(json, ANSWERS);
		return answers == null ? new LinkedHashMap<>() : answers;
	}

	public String writeAnswers(Map<String, Answer> answers) {
		return compact.writeValueAsString(answers);
	}
}
