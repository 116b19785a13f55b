package org.orchestra.notification.web;

import java.util.UUID;

import org.orchestra.notification.NotificationManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's outbox: every message with its delivery status; failed messages can be retried. */
@Controller
@PreAuthorize("hasAuthority('notification.outbox.manage')")
class OutboxController {

	private final NotificationManagement notifications;

	OutboxController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", notifications.outbox());
		return "notification/outbox";
	}

	@PostMapping("/notifications/outbox/{id}/retry")
	String retry(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				notifications.retry(id) ? "notification.outbox.requeued" : "notification.outbox.not-requeued");
		return "redirect:/notifications/outbox";
	}
}
