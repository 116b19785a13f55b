package org.orchestra.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.FormDefinition.Condition;
import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.forms.FormDefinition.Routing;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.forms.FormDefinition.Validation;

/**
 * Checks a form definition before it is stored: keys, field types and their options, conditions that must point to
 * an earlier field, validation rules that make sense, and routing.
 */
public final class DefinitionValidator {

	public static final Pattern FORM_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
	public static final Pattern ITEM_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,39}");
	public static final Set<String> FILE_TYPES = Set.of("pdf", "png", "jpeg");
	static final int MAX_STEPS = 30;
	static final int MAX_FIELDS = 150;
	static final int MAX_FILE_KB = 20 * 1024;

	private DefinitionValidator() {
	}

	/** Every problem of the definition; empty when it can be stored. */
	public static List<DefinitionProblem> problems(FormDefinition definition) {
		List<DefinitionProblem> problems = new ArrayList<>();
		if (definition.key() == null || !FORM_KEY.matcher(definition.key()).matches()) {
			problems.add(DefinitionProblem.of("forms.definition.form-key", "key"));
		}
		if (definition.title() == null) {
			problems.add(DefinitionProblem.of("forms.definition.title-missing", "title"));
		}
		if (definition.steps().isEmpty()) {
			problems.add(DefinitionProblem.of("forms.definition.no-steps", "steps"));
		}
		if (definition.steps().size() > MAX_STEPS || definition.fields().size() > MAX_FIELDS) {
			problems.add(DefinitionProblem.of("forms.definition.too-large", "steps"));
		}
		if (definition.retentionDays() != null && (definition.retentionDays() < 1 || definition.retentionDays() > 36500)) {
			problems.add(DefinitionProblem.of("forms.definition.retention", "retentionDays"));
		}
		Set<String> stepKeys = new HashSet<>();
		Map<String, Field> earlier = new HashMap<>();
		for (Step step : definition.steps()) {
			String where = step.key() == null ? "?" : step.key();
			if (step.key() == null || !ITEM_KEY.matcher(step.key()).matches()) {
				problems.add(DefinitionProblem.of("forms.definition.item-key", where, where));
			}
			else if (!stepKeys.add(step.key())) {
				problems.add(DefinitionProblem.of("forms.definition.duplicate-step", where, where));
			}
			if (step.title() == null) {
				problems.add(DefinitionProblem.of("forms.definition.title-missing", where));
			}
			checkCondition(step.condition(), where, earlier, problems);
			int addresses = 0;
			for (Field field : step.fields()) {
				String fieldWhere = field.key() == null ? "?" : field.key();
				if (field.key() == null || !ITEM_KEY.matcher(field.key()).matches()) {
					problems.add(DefinitionProblem.of("forms.definition.item-key", fieldWhere, fieldWhere));
				}
				else if (earlier.containsKey(field.key())) {
					problems.add(DefinitionProblem.of("forms.definition.duplicate-field", fieldWhere, fieldWhere));
				}
				if (field.type() == null) {
					problems.add(DefinitionProblem.of("forms.definition.type-missing", fieldWhere, fieldWhere));
					continue;
				}
				if (field.label() == null) {
					problems.add(DefinitionProblem.of("forms.definition.label-missing", fieldWhere, fieldWhere));
				}
				checkCondition(field.condition(), fieldWhere, earlier, problems);
				checkOptions(field, fieldWhere, problems);
				checkValidation(field, fieldWhere, problems);
				if (field.type() == FieldType.ADDRESS && ++addresses > 1) {
					problems.add(DefinitionProblem.of("forms.definition.one-address-per-step", fieldWhere, where));
				}
				if (field.key() != null) {
					earlier.putIfAbsent(field.key(), field);
				}
			}
		}
		checkRouting(definition.routingOrDefault(), earlier, problems);
		return problems;
	}

	public static void require(FormDefinition definition) {
		List<DefinitionProblem> problems = problems(definition);
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionException(problems);
		}
	}

	private static void checkCondition(@Nullable Condition condition, String where, Map<String, Field> earlier,
			List<DefinitionProblem> problems) {
		if (condition == null) {
			return;
		}
		Field target = condition.field() == null ? null : earlier.get(condition.field());
		if (target == null) {
			problems.add(DefinitionProblem.of("forms.definition.condition-missing-field", where, where,
					String.valueOf(condition.field())));
			return;
		}
		if (condition.values().isEmpty()) {
			problems.add(DefinitionProblem.of("forms.definition.condition-no-values", where, where));
		}
		if (target.type() != null && target.type().choice()) {
			for (String value : condition.values()) {
				if (target.option(value).isEmpty()) {
					problems.add(DefinitionProblem.of("forms.definition.condition-unknown-value", where, where, value));
				}
			}
		}
		else if (target.type() == FieldType.FILE || target.type() == FieldType.ADDRESS) {
			problems.add(DefinitionProblem.of("forms.definition.condition-unsupported", where, where));
		}
	}

	private static void checkOptions(Field field, String where, List<DefinitionProblem> problems) {
		if (field.type().choice()) {
			if (field.options().isEmpty()) {
				problems.add(DefinitionProblem.of("forms.definition.no-options", where, where));
			}
			Set<String> values = new HashSet<>();
			for (var option : field.options()) {
				if (option.value() == null || option.value().isBlank() || option.value().length() > 60
						|| option.label() == null) {
					problems.add(DefinitionProblem.of("forms.definition.bad-option", where, where));
				}
				else if (!values.add(option.value())) {
					problems.add(DefinitionProblem.of("forms.definition.duplicate-option", where, where, option.value()));
				}
			}
		}
		else if (!field.options().isEmpty()) {
			problems.add(DefinitionProblem.of("forms.definition.options-not-allowed", where, where));
		}
	}

	private static void checkValidation(Field field, String where, List<DefinitionProblem> problems) {
		Validation v = field.rules();
		if (v.min() != null && v.max() != null && v.min().compareTo(v.max()) > 0) {
			problems.add(DefinitionProblem.of("forms.definition.min-max", where, where));
		}
		if (v.minLength() != null && (v.minLength() < 0 || v.maxLength() != null && v.minLength() > v.maxLength())
				|| v.maxLength() != null && (v.maxLength() < 1 || v.maxLength() > 10000)) {
			problems.add(DefinitionProblem.of("forms.definition.length", where, where));
		}
		if (v.pattern() != null) {
			try {
				Pattern.compile(v.pattern());
			}
			catch (PatternSyntaxException ex) {
				problems.add(DefinitionProblem.of("forms.definition.pattern", where, where));
			}
		}
		if (v.minDate() != null && v.maxDate() != null && v.minDate().isAfter(v.maxDate())) {
			problems.add(DefinitionProblem.of("forms.definition.date-range", where, where));
		}
		if (v.dateRange() != null && !Validation.PAST.equals(v.dateRange()) && !Validation.FUTURE.equals(v.dateRange())) {
			problems.add(DefinitionProblem.of("forms.definition.date-range", where, where));
		}
		if (v.fileTypes() != null && !FILE_TYPES.containsAll(v.fileTypes())) {
			problems.add(DefinitionProblem.of("forms.definition.file-types", where, where));
		}
		if (v.maxSizeKb() != null && (v.maxSizeKb() < 1 || v.maxSizeKb() > MAX_FILE_KB)) {
			problems.add(DefinitionProblem.of("forms.definition.file-size", where, where));
		}
	}

	private static void checkRouting(Routing routing, Map<String, Field> fields, List<DefinitionProblem> problems) {
		if (Routing.CHOSEN.equals(routing.mode())) {
			return;
		}
		if (!Routing.ADDRESS.equals(routing.mode())) {
			problems.add(DefinitionProblem.of("forms.definition.routing-mode", "routing", String.valueOf(routing.mode())));
			return;
		}
		Field field = routing.addressField() == null ? null : fields.get(routing.addressField());
		if (field == null || field.type() != FieldType.ADDRESS || !field.required() || field.condition() != null) {
			problems.add(DefinitionProblem.of("forms.definition.routing-field", "routing",
					String.valueOf(routing.addressField())));
		}
	}
}
