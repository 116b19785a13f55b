package org.orchestra.forms.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.Answer;
import org.orchestra.forms.DefinitionProblem;
import org.orchestra.forms.FieldError;
import org.orchestra.forms.FieldType;
import org.orchestra.forms.FormDefinition;
import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.identity.NationalNumber;
import org.orchestra.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns definitions and answers into what the pages show, in the user's language. */
@Component
public class FormViews {

	private final MessageSource messages;

	FormViews(MessageSource messages) {
		this.messages = messages;
	}

	public record OptionView(String value, String label, boolean checked) {
	}

	/**
	 * A field as rendered on a step page. {@code conditionField} is set when the field depends on another field
	 * of the same step (the script then shows or hides it; without the script it stays visible with a hint).
	 */
	public record FieldView(String key, String id, String type, String label, @Nullable String help, boolean required,
			List<OptionView> options, String value, @Nullable String error, @Nullable String conditionField,
			@Nullable String conditionValues, @Nullable String conditionHint, @Nullable String existingFile,
			@Nullable String min, @Nullable String max, @Nullable Integer maxLength, @Nullable String accept,
			@Nullable String lon, @Nullable String lat) {
	}

	public record AnswerView(String key, String label, String display, boolean file, boolean personal) {
	}

	public record StepAnswers(int index, String title, List<AnswerView> answers) {
	}

	/** Renders a page; a refusal of the module renders the refusal page with its status instead. */
	public String guarded(PageBody body, jakarta.servlet.http.HttpServletResponse response,
			org.springframework.ui.Model model, Locale locale) throws java.io.IOException {
		try {
			return body.render();
		}
		catch (org.orchestra.forms.FormsException ex) {
			response.setStatus(ex.status());
			model.addAttribute("status", ex.status());
			model.addAttribute("messageKey", ex.messageKey());
			model.addAttribute("problems", ex instanceof org.orchestra.forms.InvalidDefinitionException invalid
					? problems(invalid.problems(), locale) : List.of());
			return "forms/error";
		}
	}

	@FunctionalInterface
	public interface PageBody {

		String render() throws java.io.IOException;
	}

	public String text(@Nullable LocalizedText text, Locale locale) {
		return text == null ? "" : text.in(locale);
	}

	/** A message with arguments; a message without placeholders is taken as written. */
	public String message(String code, List<String> arguments, Locale locale) {
		return message(messages, code, arguments, locale);
	}

	public static String message(MessageSource messages, String code, List<String> arguments, Locale locale) {
		String raw = messages.getMessage(code, null, code, locale);
		return raw.contains("{") && !arguments.isEmpty() ? messages.getMessage(code, arguments.toArray(), code, locale)
				: raw;
	}

	public List<String> problems(List<DefinitionProblem> problems, Locale locale) {
		return problems.stream()
			.map(p -> (p.where().isEmpty() ? "" : p.where() + " — ") + message(p.code(), p.arguments(), locale))
			.toList();
	}

	/** The fields of a step, with the values to show (the submitted ones after an error, else the saved ones). */
	public List<FieldView> fields(FormDefinition definition, Step step, Map<String, Answer> answers,
			@Nullable Map<String, List<String>> submitted, Map<String, FieldError> errors, Locale locale) {
		Set<String> sameStep = new HashSet<>();
		List<FieldView> views = new ArrayList<>();
		for (Field field : step.fields()) {
			String conditionField = null;
			String conditionValues = null;
			String conditionHint = null;
			if (field.condition() != null) {
				if (sameStep.contains(field.condition().field())) {
					conditionField = field.condition().field();
					conditionValues = String.join("|", field.condition().values());
					Field target = definition.field(conditionField).orElseThrow();
					List<String> labels = field.condition()
						.values()
						.stream()
						.map(v -> target.option(v).map(o -> o.label().in(locale)).orElse(v))
						.toList();
					conditionHint = messages.getMessage("forms.fill.only-if",
							new Object[] { target.label().in(locale), String.join(" / ", labels) }, locale);
				}
				else if (!FormDefinition.holds(field.condition(), answers)) {
					sameStep.add(field.key());
					continue;
				}
			}
			sameStep.add(field.key());
			Answer answer = answers.get(field.key());
			List<String> values = submitted != null ? submitted.getOrDefault(field.key(), List.of())
					: answer == null ? List.of() : answer.values();
			List<OptionView> options = field.options()
				.stream()
				.map(o -> new OptionView(o.value(), o.label().in(locale), values.contains(o.value())))
				.toList();
			String value = values.isEmpty() ? "" : values.getFirst();
			if (submitted == null && answer != null && field.type() == FieldType.NATIONAL_NUMBER && answer.text() != null) {
				value = NationalNumber.parse(answer.text()).map(NationalNumber::formatted).orElse(answer.text());
			}
			FieldError error = errors.get(field.key());
			FormDefinition.Validation rules = field.rules();
			String accept = null;
			if (field.type() == FieldType.FILE) {
				List<String> types = rules.fileTypes() == null || rules.fileTypes().isEmpty()
						? List.of("pdf", "png", "jpeg") : rules.fileTypes();
				accept = String.join(",", types.stream()
					.map(t -> switch (t) {
						case "pdf" -> "application/pdf,.pdf";
						case "png" -> "image/png,.png";
						default -> "image/jpeg,.jpg,.jpeg";
					})
					.toList());
			}
			String min = rules.min() != null ? rules.min().toPlainString()
					: rules.minDate() != null ? rules.minDate().toString() : null;
			String max = rules.max() != null ? rules.max().toPlainString()
					: rules.maxDate() != null ? rules.maxDate().toString() : null;
			views.add(new FieldView(field.key(), "f_" + field.key(), field.type().name(), field.label().in(locale),
					field.help() == null ? null : field.help().in(locale), field.required(), options, value,
					error == null ? null : message(error.code(), error.arguments(), locale), conditionField,
					conditionValues, conditionHint, answer == null ? null : answer.filename(), min, max,
					rules.maxLength(), accept, answer == null || answer.lon() == null ? null : answer.lon().toString(),
					answer == null || answer.lat() == null ? null : answer.lat().toString()));
		}
		return views;
	}

	/** Answers of the shown steps, for a summary or a desk. */
	public List<StepAnswers> answers(FormDefinition definition, Map<String, Answer> answers, Locale locale) {
		List<StepAnswers> result = new ArrayList<>();
		for (int i = 0; i < definition.steps().size(); i++) {
			Step step = definition.steps().get(i);
			if (!FormDefinition.holds(step.condition(), answers)) {
				continue;
			}
			List<AnswerView> views = new ArrayList<>();
			for (Field field : step.fields()) {
				if (!FormDefinition.holds(field.condition(), answers)) {
					continue;
				}
				Answer answer = answers.get(field.key());
				views.add(new AnswerView(field.key(), field.label().in(locale), display(field, answer, locale),
						answer != null && answer.sha256() != null, field.personal()));
			}
			result.add(new StepAnswers(i, step.title().in(locale), views));
		}
		return result;
	}

	private String display(Field field, @Nullable Answer answer, Locale locale) {
		if (answer == null) {
			return messages.getMessage("forms.answer.none", null, locale);
		}
		return switch (field.type()) {
			case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join(", ", answer.values()
				.stream()
				.map(v -> field.option(v).map(o -> o.label().in(locale)).orElse(v))
				.toList());
			case CONSENT -> messages.getMessage("forms.answer.yes", null, locale);
			case NATIONAL_NUMBER -> answer.text() == null ? ""
					: NationalNumber.parse(answer.text()).map(NationalNumber::formatted).orElse(answer.text());
			case FILE -> answer.filename() + " (" + Math.max(1, answer.size() == null ? 0 : answer.size() / 1024) + " kB)";
			default -> answer.text() == null ? "" : answer.text();
		};
	}
}
