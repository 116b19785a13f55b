package org.orchestra.forms.web;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.forms.FormsException;
import org.orchestra.forms.InvalidDefinitionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused action on a forms page (not found, already sent, closed...) renders a page with the reason in the
 * user's language and the matching status.
 */
@ControllerAdvice(basePackageClasses = FormsWebErrors.class)
class FormsWebErrors {

	private final FormViews views;

	FormsWebErrors(FormViews views) {
		this.views = views;
	}

	@ExceptionHandler(FormsException.class)
	String refused(FormsException ex, HttpServletResponse response, Model model, java.util.Locale locale) {
		response.setStatus(ex.status());
		model.addAttribute("status", ex.status());
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("problems", ex instanceof InvalidDefinitionException invalid
				? views.problems(invalid.problems(), locale) : java.util.List.of());
		return "forms/error";
	}
}
