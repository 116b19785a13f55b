package org.orchestra.forms.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.orchestra.forms.FormsException;
import org.orchestra.forms.InvalidDefinitionException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refusals of the forms API as structured JSON: status, stable code, message in the caller's language. */
@RestControllerAdvice(basePackageClasses = FormsApiErrors.class)
class FormsApiErrors {

	private final MessageSource messages;

	FormsApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(FormsException.class)
	ResponseEntity<Map<String, Object>> refused(FormsException ex, Locale locale) {
		Map<String, Object> body = body(ex.status(), ex.messageKey(), locale);
		if (ex instanceof InvalidDefinitionException invalid) {
			body.put("problems", invalid.problems()
				.stream()
				.map(p -> Map.of("code", p.code(), "where", p.where(), "message",
						org.orchestra.forms.web.FormViews.message(messages, p.code(), p.arguments(), locale)))
				.toList());
		}
		return ResponseEntity.status(ex.status()).body(body);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> unreadable(Exception ex, Locale locale) {
		return ResponseEntity.badRequest().body(body(400, "forms.error.bad-request", locale));
	}

	Map<String, Object> body(int status, String code, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("code", code);
		body.put("message", messages.getMessage(code, null, code, locale));
		body.put("errors", List.of());
		return body;
	}
}
