package org.orchestra.appointment.web;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.appointment.AppointmentException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals that escape an appointment page: a page in the user's language with the right status. */
@ControllerAdvice(assignableTypes = { AppointmentPublicController.class, AppointmentDeskController.class,
		AppointmentAdminController.class })
class AppointmentPageErrors {

	@ExceptionHandler(AppointmentException.class)
	ModelAndView refused(AppointmentException ex, HttpServletResponse response) {
		response.setStatus(ex.status());
		ModelAndView page = new ModelAndView("appointment/refused");
		page.addObject("reason", ex.messageKey());
		return page;
	}
}
