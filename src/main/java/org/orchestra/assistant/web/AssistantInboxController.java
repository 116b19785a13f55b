package org.orchestra.assistant.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.assistant.AssistantException;
import org.orchestra.assistant.AssistantInbox;
import org.orchestra.assistant.AssistantStatistics;
import org.orchestra.assistant.CounterAssistant;
import org.orchestra.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' inbox of the organisation they act for: waiting conversations first, each with its question, what
 * the assistant found, the exchange, and a reply form with the commune's templates and links to entries; reply
 * templates; statistics with CSV.
 */
@Controller
class AssistantInboxController {

	private final AssistantInbox inbox;
	private final CurrentUser currentUser;

	AssistantInboxController(AssistantInbox inbox, CurrentUser currentUser) {
		this.inbox = inbox;
		this.currentUser = currentUser;
	}

	@GetMapping("/desk/assistant")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String list(@RequestParam(name = "closed", defaultValue = "false") boolean closed, Model model) {
		model.addAttribute("items", inbox.inbox(closed));
		model.addAttribute("closed", closed);
		model.addAttribute("waitingCount", inbox.waitingCount());
		model.addAttribute("now", Instant.now());
		return "assistant/inbox";
	}

	@GetMapping("/desk/assistant/{id}")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String conversation(@PathVariable("id") UUID id, Model model, Locale locale) {
		CounterAssistant.Thread thread = inbox.conversation(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Locale conversationLocale = Locale.of(thread.conversation().locale());
		model.addAttribute("thread", thread);
		model.addAttribute("templates", inbox.templates(thread.conversation().locale()));
		model.addAttribute("suggestions", inbox.suggestions(thread.conversation(), 5));
		model.addAttribute("entries", inbox.linkableEntries(conversationLocale));
		model.addAttribute("conversationLocale", conversationLocale);
		model.addAttribute("now", Instant.now());
		return "assistant/inbox-conversation";
	}

	@PostMapping("/desk/assistant/{id}/reply")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String reply(@PathVariable("id") UUID id, @RequestParam(name = "text", required = false) @Nullable String text,
			@RequestParam(name = "template", required = false) @Nullable UUID template,
			@RequestParam(name = "entry", required = false) @Nullable String entry,
			@RequestParam(name = "close", defaultValue = "false") boolean close, RedirectAttributes redirect) {
		try {
			inbox.reply(id, text, template, entry);
			if (close) {
				inbox.close(id);
			}
			redirect.addFlashAttribute("notice", "assistant.inbox.replied");
		}
		catch (AssistantException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
			redirect.addFlashAttribute("draft", text);
		}
		return "redirect:/desk/assistant/" + id;
	}

	@PostMapping("/desk/assistant/{id}/close")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String close(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		try {
			inbox.close(id);
		}
		catch (AssistantException ex) {
			throw new ResponseStatusException(HttpStatus.valueOf(ex.status()));
		}
		redirect.addFlashAttribute("notice", "assistant.inbox.closed-done");
		return "redirect:/desk/assistant";
	}

	// ---- Reply templates ----

	@GetMapping("/desk/assistant/templates")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String templates(@RequestParam(name = "edit", required = false) @Nullable UUID edit, Model model) {
		model.addAttribute("templates", inbox.templates());
		model.addAttribute("languages", List.of("fr", "nl", "en"));
		model.addAttribute("canManage", currentUser.hasPrivilege("assistant.templates.manage"));
		model.addAttribute("editing",
				edit == null ? null : inbox.templates().stream().filter(t -> t.id().equals(edit)).findFirst().orElse(null));
		return "assistant/templates";
	}

	@PostMapping("/desk/assistant/templates")
	@PreAuthorize("hasAuthority('assistant.templates.manage')")
	String saveTemplate(@RequestParam(name = "id", required = false) @Nullable UUID id,
			@RequestParam(name = "language", required = false) @Nullable String language,
			@RequestParam(name = "title", required = false) @Nullable String title,
			@RequestParam(name = "body", required = false) @Nullable String body, RedirectAttributes redirect) {
		try {
			inbox.saveTemplate(id, language, title, body);
			redirect.addFlashAttribute("notice", "assistant.templates.saved");
		}
		catch (AssistantException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
			redirect.addFlashAttribute("draftTitle", title);
			redirect.addFlashAttribute("draftBody", body);
		}
		return "redirect:/desk/assistant/templates";
	}

	@PostMapping("/desk/assistant/templates/{id}/delete")
	@PreAuthorize("hasAuthority('assistant.templates.manage')")
	String deleteTemplate(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		try {
			inbox.deleteTemplate(id);
		}
		catch (AssistantException ex) {
			throw new ResponseStatusException(HttpStatus.valueOf(ex.status()));
		}
		redirect.addFlashAttribute("notice", "assistant.templates.deleted");
		return "redirect:/desk/assistant/templates";
	}

	// ---- Statistics ----

	@GetMapping("/desk/assistant/stats")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	String stats(@RequestParam(name = "days", defaultValue = "30") int days, Model model) {
		AssistantStatistics.Summary summary = inbox.statistics(days);
		model.addAttribute("summary", summary);
		model.addAttribute("days", Math.max(1, Math.min(days, 366)));
		long max = summary.days()
			.stream()
			.mapToLong(d -> Math.max(d.answered() + d.unanswered(), d.handedOff()))
			.max()
			.orElse(1);
		model.addAttribute("max", Math.max(1, max));
		return "assistant/stats";
	}

	@GetMapping(path = "/desk/assistant/stats.csv", produces = "text/csv")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	ResponseEntity<byte[]> statsCsv(@RequestParam(name = "days", defaultValue = "30") int days) {
		AssistantStatistics.Summary summary = inbox.statistics(days);
		StringBuilder csv = new StringBuilder("day,answered,unanswered,handed_off,closed,erased\r\n");
		for (AssistantStatistics.Day day : summary.days()) {
			csv.append(day.day()).append(',').append(day.answered()).append(',').append(day.unanswered()).append(',')
				.append(day.handedOff()).append(',').append(day.closed()).append(',').append(day.erased()).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("assistant-statistics.csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}
}
