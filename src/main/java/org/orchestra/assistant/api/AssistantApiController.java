package org.orchestra.assistant.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.assistant.Answer;
import org.orchestra.assistant.AssistantException;
import org.orchestra.assistant.AssistantInbox;
import org.orchestra.assistant.AssistantStatistics;
import org.orchestra.assistant.Conversation;
import org.orchestra.assistant.ConversationMessage;
import org.orchestra.assistant.CounterAssistant;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The assistant's JSON API: ask a question (everyone), hand a question over and follow one's conversations
 * (signed-in citizens), the organisation's inbox and statistics (agents). Refusals are
 * {@code {"error": code, "message": text in the asker's language}} with a 4xx status.
 */
@RestController
@RequestMapping(path = "/api/assistant", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Counter assistant", description = "Answers from the platform's content, hand-off to a commune's agents")
class AssistantApiController {

	private final CounterAssistant assistant;
	private final AssistantInbox inbox;
	private final MessageSource messages;

	AssistantApiController(CounterAssistant assistant, AssistantInbox inbox, MessageSource messages) {
		this.assistant = assistant;
		this.inbox = inbox;
		this.messages = messages;
	}

	/** A question, with the commune it is asked for (organisation id such as {@code commune-21009}), if any. */
	record Question(@Nullable String question, @Nullable String commune) {
	}

	/** A message of a conversation. */
	record Text(@Nullable String text) {
	}

	record Error(String error, String message) {
	}

	record MessageJson(String author, @Nullable String agent, String text, @Nullable String entryId,
			@Nullable String entryTitle, @Nullable String entryLink, Instant at) {

		static MessageJson of(ConversationMessage m) {
			return new MessageJson(m.authorKind().name().toLowerCase(Locale.ROOT), m.author(), m.body(), m.entryId(),
					m.entryTitle(), m.entryLink(), m.createdAt());
		}
	}

	record ConversationJson(UUID id, String commune, String status, String language, String question,
			String assistantAttempt, Instant createdAt, Instant updatedAt, @Nullable Instant firstResponseAt,
			@Nullable Long waitingSeconds, @Nullable List<MessageJson> messages) {

		static ConversationJson of(Conversation c, @Nullable List<ConversationMessage> messages) {
			Long waiting = c.waiting(Instant.now()) == null ? null : c.waiting(Instant.now()).toSeconds();
			return new ConversationJson(c.id(), c.organisationId(), c.status().name(), c.locale(), c.question(),
					c.attempt(), c.createdAt(), c.updatedAt(), c.firstResponseAt(), waiting,
					messages == null ? null : messages.stream().map(MessageJson::of).toList());
		}
	}

	@PostMapping(path = "/ask", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask a question",
			description = "Answers only from the platform's content, in the language of Accept-Language (or ?lang=), "
					+ "with the entries it comes from; otherwise answered=false and a hand-off is offered. Entries of "
					+ "another commune than the one asked for are never given.")
	@ApiResponse(responseCode = "400", description = "empty, too long or invalid question, unknown commune")
	Answer ask(@RequestBody Question question, Locale locale) {
		return assistant.ask(question.question() == null ? "" : question.question(), locale, question.commune());
	}

	@GetMapping("/ask")
	@Operation(summary = "Ask a question (query parameters)")
	Answer askByQuery(@Parameter(description = "the question") @RequestParam(name = "q", required = false) @Nullable String question,
			@Parameter(description = "organisation id of the commune, e.g. commune-21009") @RequestParam(name = "commune", required = false) @Nullable String commune,
			Locale locale) {
		return assistant.ask(question == null ? "" : question, locale, commune);
	}

	@GetMapping("/conversations")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	@Operation(summary = "The signed-in citizen's conversations with agents")
	List<ConversationJson> conversations() {
		return assistant.myConversations().stream().map(c -> ConversationJson.of(c, null)).toList();
	}

	@PostMapping(path = "/conversations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assistant.conversation')")
	@Operation(summary = "Hand a question over to an agent of a commune",
			description = "The conversation keeps the question and what the assistant found for it.")
	@ApiResponse(responseCode = "201", description = "conversation opened")
	ResponseEntity<ConversationJson> handOff(@RequestBody Question question, Locale locale) {
		Conversation conversation = assistant.handOff(question.question() == null ? "" : question.question(),
				question.commune(), locale);
		return ResponseEntity.status(HttpStatus.CREATED).body(ConversationJson.of(conversation, null));
	}

	@GetMapping("/conversations/{id}")
	@PreAuthorize("hasAuthority('assistant.conversation')")
	@Operation(summary = "One of the signed-in citizen's conversations, with its messages")
	ConversationJson conversation(@PathVariable("id") UUID id) {
		CounterAssistant.Thread thread = assistant.myConversation(id)
			.orElseThrow(() -> new AssistantException("assistant.error.not-found", 404));
		return ConversationJson.of(thread.conversation(), thread.messages());
	}

	@PostMapping(path = "/conversations/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assistant.conversation')")
	@Operation(summary = "Write again in one's conversation")
	ResponseEntity<Void> followUp(@PathVariable("id") UUID id, @RequestBody Text text) {
		assistant.followUp(id, text.text() == null ? "" : text.text());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/inbox")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	@Operation(summary = "The inbox of the organisation the agent acts for: waiting conversations first")
	List<ConversationJson> inbox(@RequestParam(name = "closed", defaultValue = "false") boolean closed) {
		return inbox.inbox(closed).stream().map(i -> ConversationJson.of(i.conversation(), null)).toList();
	}

	@GetMapping("/inbox/statistics")
	@PreAuthorize("hasAuthority('assistant.inbox')")
	@Operation(summary = "Questions answered and handed off, median first-response time, per day")
	AssistantStatistics.Summary statistics(@RequestParam(name = "days", defaultValue = "30") int days) {
		return inbox.statistics(days);
	}

	@ExceptionHandler(AssistantException.class)
	ResponseEntity<Error> refused(AssistantException ex, Locale locale) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Error(ex.messageKey(), messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale)));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Error> unreadable(Exception ex, Locale locale) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Error("assistant.error.request-invalid",
					messages.getMessage("assistant.error.request-invalid", null, "Invalid request", locale)));
	}
}
