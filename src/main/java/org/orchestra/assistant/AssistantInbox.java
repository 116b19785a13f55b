package org.orchestra.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.shared.KnowledgeContribution.KnowledgeEntry;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' inbox of the commune they act for: conversations handed over by the assistant, waiting ones first
 * with their waiting time; answering (from a reply template, with a link to an entry of the platform's content),
 * closing; the commune's reply templates and its statistics. Every method works within the organisation of the
 * current tenant context, so a commune never sees another's conversations.
 */
@Service
@Transactional
public class AssistantInbox {

	static final List<String> LANGUAGES = TextAnalysis.LANGUAGES;

	private final Conversations conversations;
	private final ConversationMessages messages;
	private final ReplyTemplates templates;
	private final KnowledgeIndex index;
	private final AssistantStatistics statistics;
	private final IdentityManagement identity;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	AssistantInbox(Conversations conversations, ConversationMessages messages, ReplyTemplates templates,
			KnowledgeIndex index, AssistantStatistics statistics, IdentityManagement identity, CurrentUser currentUser,
			ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.messages = messages;
		this.templates = templates;
		this.index = index;
		this.statistics = statistics;
		this.identity = identity;
		this.currentUser = currentUser;
		this.events = events;
	}

	private String organisation() {
		return TenantContext.require().value();
	}

	/** One line of the inbox. */
	public record Item(Conversation conversation, String citizen, @Nullable Duration waiting) {
	}

	/** The inbox: open conversations (or closed ones), waiting first, longest waiting first. */
	@Transactional(readOnly = true)
	public List<Item> inbox(boolean closed) {
		organisation();
		EnumSet<ConversationStatus> statuses = closed ? EnumSet.of(ConversationStatus.CLOSED)
				: EnumSet.of(ConversationStatus.WAITING, ConversationStatus.ANSWERED);
		Instant now = clock.instant();
		return conversations.inbox(statuses, PageRequest.of(0, 500))
			.stream()
			.map(c -> new Item(c, citizenName(c.citizenAccount()), c.waiting(now)))
			.toList();
	}

	/** How many conversations wait for an answer. */
	@Transactional(readOnly = true)
	public long waitingCount() {
		organisation();
		return conversations.countByStatus(ConversationStatus.WAITING);
	}

	/** A conversation of the commune with its messages; another commune's is not found. */
	@Transactional(readOnly = true)
	public Optional<CounterAssistant.Thread> conversation(UUID id) {
		String organisation = organisation();
		return conversations.findById(id)
			.filter(c -> c.organisationId().equals(organisation))
			.map(c -> new CounterAssistant.Thread(c, citizenName(c.citizenAccount()),
					messages.findByConversationIdOrderByCreatedAtAsc(c.id())));
	}

	/** The citizen's display name, shown to the agent who answers; nothing else is shown of them. */
	private String citizenName(UUID account) {
		return identity.findAccount(account).map(a -> a.displayName()).orElse("—");
	}

	/**
	 * Answers a conversation. The text may start from one of the commune's templates (its text comes first) and
	 * may link to an entry of the platform's content; the citizen is told by e-mail.
	 */
	public ConversationMessage reply(UUID id, @Nullable String text, @Nullable UUID templateId,
			@Nullable String entryId) {
		Conversation conversation = find(id);
		StringBuilder body = new StringBuilder();
		if (templateId != null) {
			ReplyTemplate template = templates.findById(templateId)
				.filter(t -> t.organisationId().equals(conversation.organisationId()))
				.orElseThrow(() -> new AssistantException("assistant.error.template-unknown"));
			body.append(template.body());
		}
		if (text != null && !text.isBlank()) {
			if (!body.isEmpty()) {
				body.append("\n\n");
			}
			body.append(text.strip());
		}
		String valid = CounterAssistant.validMessage(body.toString());
		KnowledgeEntry entry = null;
		if (entryId != null && !entryId.isBlank()) {
			entry = index.entry(entryId.strip())
				.filter(e -> allowed(e, conversation.organisationId()))
				.orElseThrow(() -> new AssistantException("assistant.error.entry-unknown"));
		}
		Instant now = clock.instant();
		Locale locale = Locale.of(conversation.locale());
		ConversationMessage message = messages.save(new ConversationMessage(id, ConversationMessage.Author.AGENT,
				currentUser.actorName(), valid, entry == null ? null : entry.id(),
				entry == null ? null : entry.title().in(locale), entry == null ? null : entry.link(), now));
		Duration first = conversation.answered(now);
		if (first != null) {
			statistics.responseTime(conversation.organisationId(), first);
		}
		events.publishEvent(new ConversationChanged(id, conversation.organisationId(), "replied",
				currentUser.actorName(), conversation.citizenAccount(), conversation.locale(),
				entry == null ? null : "linked " + entry.id()));
		return message;
	}

	/** Closes a conversation; it is erased after the retention period. */
	public void close(UUID id) {
		Conversation conversation = find(id);
		if (conversation.status() == ConversationStatus.CLOSED) {
			return;
		}
		conversation.close(clock.instant());
		statistics.count(conversation.organisationId(), AssistantStatistics.Counter.CLOSED, 1);
		events.publishEvent(new ConversationChanged(id, conversation.organisationId(), "closed",
				currentUser.actorName(), conversation.citizenAccount(), conversation.locale(), null));
	}

	private Conversation find(UUID id) {
		String organisation = organisation();
		return conversations.findById(id)
			.filter(c -> c.organisationId().equals(organisation))
			.orElseThrow(() -> new AssistantException("assistant.error.not-found", 404));
	}

	private boolean allowed(KnowledgeEntry entry, String organisation) {
		String owner = index.organisationOf(entry);
		return owner == null || owner.equals(organisation);
	}

	/**
	 * Entries an agent may link to: those that best match the conversation's question first, then every entry of
	 * the region and of the commune, by title.
	 */
	@Transactional(readOnly = true)
	public List<KnowledgeEntry> suggestions(Conversation conversation, int limit) {
		return index.search(conversation.question(), conversation.organisationId())
			.hits()
			.stream()
			.map(KnowledgeIndex.Hit::entry)
			.filter(e -> allowed(e, conversation.organisationId()))
			.limit(limit)
			.toList();
	}

	public List<KnowledgeEntry> linkableEntries(Locale locale) {
		String organisation = organisation();
		return index.entries()
			.stream()
			.filter(e -> allowed(e, organisation))
			.sorted(Comparator.comparing(e -> e.title().in(locale)))
			.toList();
	}

	// ---- Reply templates ----

	@Transactional(readOnly = true)
	public List<ReplyTemplate> templates() {
		organisation();
		return templates.findAllByOrderByLanguageAscTitleAsc();
	}

	@Transactional(readOnly = true)
	public List<ReplyTemplate> templates(String language) {
		organisation();
		return templates.findByLanguageOrderByTitleAsc(language);
	}

	/** Creates a template, or updates one of the commune's when {@code id} is given. */
	public ReplyTemplate saveTemplate(@Nullable UUID id, @Nullable String language, @Nullable String title,
			@Nullable String body) {
		String organisation = organisation();
		String lang = language == null ? "" : language.strip();
		if (!LANGUAGES.contains(lang)) {
			throw new AssistantException("assistant.error.template-language");
		}
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 120 || name.chars().anyMatch(Character::isISOControl)) {
			throw new AssistantException("assistant.error.template-title");
		}
		String text = CounterAssistant.validMessage(body);
		Instant now = clock.instant();
		ReplyTemplate template;
		String type;
		if (id == null) {
			template = templates.save(new ReplyTemplate(lang, name, text, currentUser.actorName(), now));
			type = "created";
		}
		else {
			template = templates.findById(id)
				.filter(t -> t.organisationId().equals(organisation))
				.orElseThrow(() -> new AssistantException("assistant.error.not-found", 404));
			template.update(lang, name, text, now);
			type = "updated";
		}
		events.publishEvent(new ReplyTemplateChanged(template.id(), organisation, type, currentUser.actorName()));
		return template;
	}

	public void deleteTemplate(UUID id) {
		String organisation = organisation();
		ReplyTemplate template = templates.findById(id)
			.filter(t -> t.organisationId().equals(organisation))
			.orElseThrow(() -> new AssistantException("assistant.error.not-found", 404));
		templates.delete(template);
		events.publishEvent(new ReplyTemplateChanged(id, organisation, "deleted", currentUser.actorName()));
	}

	// ---- Statistics ----

	/** The commune's figures over the last {@code days} days (today included). */
	@Transactional(readOnly = true)
	public AssistantStatistics.Summary statistics(int days) {
		LocalDate to = LocalDate.now(AssistantStatistics.ZONE);
		return statistics.summary(organisation(), to.minusDays(Math.max(1, Math.min(days, 366)) - 1L), to);
	}
}
