package org.orchestra.forms.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.forms.FormsException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal that escapes a page (pages render their own refusals; downloads do not) becomes the matching 4xx
 * status and the platform's error page.
 */
@ControllerAdvice(basePackageClasses = FormsWebErrors.class)
class FormsWebErrors {

	@ExceptionHandler(FormsException.class)
	void refused(FormsException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.status(), ex.messageKey());
	}
}
