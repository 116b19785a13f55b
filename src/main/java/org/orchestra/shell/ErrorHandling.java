package org.orchestra.shell;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.document.DocumentException;
import org.orchestra.identity.IdentityException;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals that escape a controller become the right 4xx status; the error page (HTML, in the user's language)
 * or the structured JSON error (API clients) is then rendered by the platform's error handling.
 */
@ControllerAdvice
class ErrorHandling {

	@ExceptionHandler(DocumentException.class)
	void document(DocumentException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.status(), ex.messageKey());
	}

	@ExceptionHandler(IdentityException.class)
	void identity(IdentityException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value(), ex.messageKey());
	}

	/** A part of the wrong kind for a field, such as a file sent where text is expected: the client's mistake. */
	@ExceptionHandler(ConversionNotSupportedException.class)
	void unconvertible(ConversionNotSupportedException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value(), "Invalid request");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	void invalid(IllegalArgumentException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value(), "Invalid request");
	}
}
