package org.orchestra.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.LocalizedText;

/**
 * A form as data: its title, its steps and their typed fields, how a submission is routed and how long personal
 * answers are kept. Stored as JSON in each version; a published version never changes.
 *
 * @param key stable identifier of the form (lower case, digits and dashes), part of its address
 * @param routing where a submission goes
 * @param retentionDays days after sending after which personal answers are erased; {@code null} keeps them
 */
public record FormDefinition(String key, LocalizedText title, @Nullable LocalizedText description, List<Step> steps,
		@Nullable Routing routing, @Nullable Integer retentionDays) {

	public FormDefinition {
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	public Routing routingOrDefault() {
		return routing == null ? new Routing(Routing.CHOSEN, null) : routing;
	}

	public List<Field> fields() {
		List<Field> all = new ArrayList<>();
		steps.forEach(s -> all.addAll(s.fields()));
		return all;
	}

	public Optional<Field> field(String fieldKey) {
		return fields().stream().filter(f -> f.key().equals(fieldKey)).findFirst();
	}

	public FormDefinition withSteps(List<Step> newSteps) {
		return new FormDefinition(key, title, description, newSteps, routing, retentionDays);
	}

	public FormDefinition withHeader(LocalizedText newTitle, @Nullable LocalizedText newDescription,
			Routing newRouting, @Nullable Integer newRetentionDays) {
		return new FormDefinition(key, newTitle, newDescription, steps, newRouting, newRetentionDays);
	}

	/** Whether a condition holds for the given answers; no condition always holds. */
	public static boolean holds(@Nullable Condition condition, Map<String, Answer> answers) {
		if (condition == null) {
			return true;
		}
		Answer answer = answers.get(condition.field());
		if (answer == null) {
			return false;
		}
		return answer.values().stream().anyMatch(condition.values()::contains);
	}

	/**
	 * One page of the form.
	 *
	 * @param condition shown only when it holds
	 */
	public record Step(String key, LocalizedText title, @Nullable Condition condition, List<Field> fields) {

		public Step {
			fields = fields == null ? List.of() : List.copyOf(fields);
		}

		public Step withFields(List<Field> newFields) {
			return new Step(key, title, condition, newFields);
		}
	}

	/**
	 * A typed field.
	 *
	 * @param personal whether the answer is personal data, erased after the retention period
	 * @param condition shown (and validated and kept) only when it holds
	 */
	public record Field(String key, FieldType type, LocalizedText label, @Nullable LocalizedText help,
			boolean required, boolean personal, @Nullable Validation validation, List<Option> options,
			@Nullable Condition condition) {

		public Field {
			options = options == null ? List.of() : List.copyOf(options);
		}

		public Validation rules() {
			return validation == null ? Validation.NONE : validation;
		}

		public Optional<Option> option(String value) {
			return options.stream().filter(o -> o.value().equals(value)).findFirst();
		}
	}

	/** A choice of a single or multiple choice field. */
	public record Option(String value, LocalizedText label) {
	}

	/**
	 * Shown only when the answer to another field equals one of the given values (for a multiple choice: when any
	 * chosen value is one of them).
	 */
	public record Condition(String field, List<String> values) {

		public Condition {
			values = values == null ? List.of() : List.copyOf(values);
		}
	}

	/**
	 * Validation rules; each applies to the types where it makes sense.
	 *
	 * @param min smallest number, or fewest choices
	 * @param max largest number, or most choices
	 * @param integer whether a number must be whole
	 * @param minLength shortest text
	 * @param maxLength longest text
	 * @param pattern regular expression the whole text must match
	 * @param minDate earliest date
	 * @param maxDate latest date
	 * @param dateRange {@code PAST} (today or before) or {@code FUTURE} (today or after)
	 * @param fileTypes accepted file kinds: {@code pdf}, {@code png}, {@code jpeg}
	 * @param maxSizeKb largest file in kilobytes
	 */
	public record Validation(@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Boolean integer,
			@Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern,
			@Nullable LocalDate minDate, @Nullable LocalDate maxDate, @Nullable String dateRange,
			@Nullable List<String> fileTypes, @Nullable Integer maxSizeKb) {

		public static final Validation NONE = new Validation(null, null, null, null, null, null, null, null, null,
				null, null);

		public static final String PAST = "PAST";
		public static final String FUTURE = "FUTURE";

		public boolean empty() {
			return equals(NONE);
		}
	}

	/**
	 * Where a sent form goes.
	 *
	 * @param mode {@code CHOSEN}: the citizen chooses among the communes offering the form; {@code ADDRESS}: the
	 *        commune of the address given in {@code addressField}
	 */
	public record Routing(String mode, @Nullable String addressField) {

		public static final String CHOSEN = "CHOSEN";
		public static final String ADDRESS = "ADDRESS";
	}
}
