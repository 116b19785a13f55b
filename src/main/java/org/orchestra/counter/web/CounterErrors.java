package org.orchestra.counter.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.counter.CounterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal that escapes a counter page becomes its 4xx status and the platform's error page. */
@ControllerAdvice(basePackageClasses = CounterErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CounterErrors {

	@ExceptionHandler(CounterException.class)
	void refused(CounterException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.status(), ex.messageKey());
	}

	/** Someone else changed the same request at the same moment: the user tries again on the fresh page. */
	@ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
	void concurrent(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_CONFLICT, "counter.error.concurrent");
	}
}
