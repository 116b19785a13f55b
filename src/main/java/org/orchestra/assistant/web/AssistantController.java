package org.orchestra.assistant.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.orchestra.assistant.Answer;
import org.orchestra.assistant.AssistantException;
import org.orchestra.assistant.Conversation;
import org.orchestra.assistant.CounterAssistant;
import org.orchestra.identity.CurrentUser;
import org.springframework.http.HttpStatus;
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
 * The assistant's page — a question form that answers with the platform's content and its sources, works by
 * posting the form, and keeps the last exchanges of the visit like a chat — and the citizen's conversations with
 * agents.
 */
@Controller
class AssistantController {

	static final String TRANSCRIPT = "assistant.transcript";
	static final String COMMUNE = "assistant.commune";
	private static final int KEPT = 6;

	private final CounterAssistant assistant;
	private final CurrentUser currentUser;

	AssistantController(CounterAssistant assistant, CurrentUser currentUser) {
		this.assistant = assistant;
		this.currentUser = currentUser;
	}

	/** One exchange shown on the page: the question and the answer (both kept only in the visit's session). */
	record Exchange(Answer answer) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	@GetMapping("/assistant")
	String page(@RequestParam(name = "q", required = false) @Nullable String question,
			@RequestParam(name = "commune", required = false) @Nullable String commune, HttpSession session,
			Model model, Locale locale) {
		if (question != null && !question.isBlank()) {
			return ask(question, commune, session, model, locale);
		}
		return render(session, model, locale, chosenCommune(commune, session), null);
	}

	@PostMapping("/assistant")
	String ask(@RequestParam(name = "question", required = false) @Nullable String question,
			@RequestParam(name = "commune", required = false) @Nullable String commune, HttpSession session,
			Model model, Locale locale) {
		String chosen = commune;
		try {
			Answer answer = assistant.ask(question == null ? "" : question, locale, commune);
			chosen = answer.commune() != null ? answer.commune() : commune;
			if (chosen != null && !chosen.isBlank()) {
				session.setAttribute(COMMUNE, chosen);
			}
			List<Exchange> transcript = transcript(session);
			transcript.add(new Exchange(answer));
			while (transcript.size() > KEPT) {
				transcript.removeFirst();
			}
			session.setAttribute(TRANSCRIPT, transcript);
			model.addAttribute("current", answer);
		}
		catch (AssistantException ex) {
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("question", question);
			chosen = null;
		}
		return render(session, model, locale, chosen != null ? chosen : chosenCommune(null, session), null);
	}

	@PostMapping("/assistant/clear")
	@PreAuthorize("permitAll()")
	String clear(HttpSession session) {
		session.removeAttribute(TRANSCRIPT);
		return "redirect:/assistant";
	}

	@PostMapping("/assistant/handoff")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String handOff(@RequestParam(name = "question", required = false) @Nullable String question,
			@RequestParam(name = "commune", required = false) @Nullable String commune, HttpSession session,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			Conversation conversation = assistant.handOff(question == null ? "" : question, commune, locale);
			session.setAttribute(COMMUNE, conversation.organisationId());
			redirect.addFlashAttribute("notice", "assistant.handoff.done");
			return "redirect:/assistant/conversations/" + conversation.id();
		}
		catch (AssistantException ex) {
			model.addAttribute("handoffError", ex.messageKey());
			model.addAttribute("handoffQuestion", question);
			return render(session, model, locale, chosenCommune(null, session), question);
		}
	}

	private String render(HttpSession session, Model model, Locale locale, @Nullable String commune,
			@Nullable String handOffQuestion) {
		model.addAttribute("transcript", transcript(session));
		model.addAttribute("communes", assistant.communes(locale));
		model.addAttribute("commune", commune);
		model.addAttribute("signedIn", currentUser.principal().isPresent());
		model.addAttribute("canHandOff", currentUser.hasPrivilege("assistant.conversation"));
		model.addAttribute("handoffQuestion", handOffQuestion);
		return "assistant/ask";
	}

	private @Nullable String chosenCommune(@Nullable String commune, HttpSession session) {
		if (commune != null && !commune.isBlank()) {
			return commune;
		}
		Object remembered = session.getAttribute(COMMUNE);
		return remembered instanceof String s ? s : assistant.defaultCommune();
	}

	@SuppressWarnings("unchecked")
	private static List<Exchange> transcript(HttpSession session) {
		Object value = session.getAttribute(TRANSCRIPT);
		return value instanceof List<?> list ? new ArrayList<>((List<Exchange>) list) : new ArrayList<>();
	}

	// ---- The citizen's conversations ----

	@GetMapping("/assistant/conversations")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String conversations(Model model, Locale locale) {
		List<Conversation> mine = assistant.myConversations();
		model.addAttribute("conversations", mine);
		model.addAttribute("names", assistant.communes(locale)
			.stream()
			.collect(java.util.stream.Collectors.toMap(CounterAssistant.Commune::id, CounterAssistant.Commune::name)));
		return "assistant/mine";
	}

	@GetMapping("/assistant/conversations/{id}")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String conversation(@PathVariable("id") UUID id, Model model) {
		CounterAssistant.Thread thread = assistant.myConversation(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("thread", thread);
		return "assistant/conversation";
	}

	@PostMapping("/assistant/conversations/{id}/messages")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String followUp(@PathVariable("id") UUID id, @RequestParam(name = "text", required = false) @Nullable String text,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> assistant.followUp(id, text == null ? "" : text), "assistant.conversation.sent");
	}

	@PostMapping("/assistant/conversations/{id}/close")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String close(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> assistant.closeMine(id), "assistant.conversation.closed");
	}

	@PostMapping("/assistant/conversations/{id}/erase")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	String erase(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		try {
			assistant.eraseMine(id);
		}
		catch (AssistantException ex) {
			throw new ResponseStatusException(HttpStatus.valueOf(ex.status()));
		}
		redirect.addFlashAttribute("notice", "assistant.conversation.erased");
		return "redirect:/assistant/conversations";
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (AssistantException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
		}
		return "redirect:/assistant/conversations/" + id;
	}
}
