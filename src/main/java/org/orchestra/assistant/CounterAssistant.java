package org.orchestra.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.shared.KnowledgeContribution.KnowledgeEntry;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.OrganisationType;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assistant's facade for citizens: asks a question of the platform's content, and hands over to an agent of a
 * commune what it cannot answer; the citizen then follows their conversations, writes again, closes or erases them.
 * Conversations belong to the commune they were handed to; a citizen sees only their own.
 */
@Service
public class CounterAssistant {

	/** Phrases (normalised) by which a citizen asks for a person rather than an answer. */
	private static final List<String> ASKS_FOR_PERSON = List.of("parler a un agent", "parler a quelqu un",
			"parler a une personne", "un agent", "une personne", "un humain", "un conseiller", "une conseillere",
			"etre rappele", "contacter un agent", "met een medewerker", "een medewerker", "iemand spreken",
			"met iemand", "een mens", "een persoon", "spreken met", "talk to someone", "speak to someone",
			"talk to a person", "speak to a person", "a human", "an agent", "a real person", "talk to an agent",
			"speak to an agent", "human agent");

	private final KnowledgeIndex index;
	private final Conversations conversations;
	private final ConversationMessages messages;
	private final AssistantStatistics statistics;
	private final OrganisationDirectory organisations;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final AssistantProperties properties;
	private final Clock clock = Clock.systemUTC();

	CounterAssistant(KnowledgeIndex index, Conversations conversations, ConversationMessages messages,
			AssistantStatistics statistics, OrganisationDirectory organisations, CurrentUser currentUser,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, AssistantProperties properties) {
		this.index = index;
		this.conversations = conversations;
		this.messages = messages;
		this.statistics = statistics;
		this.organisations = organisations;
		this.currentUser = currentUser;
		this.events = events;
		// each unit of work opens its own session, for the organisation it is done for
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	/** A commune a question can be handed to. */
	public record Commune(String id, String name) {
	}

	/** The communes, by name in the given language. */
	public List<Commune> communes(Locale locale) {
		return organisations.all()
			.stream()
			.filter(o -> o.type() == OrganisationType.COMMUNE && o.active())
			.map(o -> new Commune(o.id().value(), o.name(locale)))
			.sorted(Comparator.comparing(Commune::name))
			.toList();
	}

	/**
	 * The commune to propose by default: the one the signed-in staff member acts for (or the parent commune of
	 * their CPAS), otherwise none.
	 */
	public @Nullable String defaultCommune() {
		return currentUser.organisation().flatMap(organisations::find).map(o -> {
			if (o.type() == OrganisationType.COMMUNE) {
				return o.id().value();
			}
			return o.parent() != null && isCommune(o.parent().value()) ? o.parent().value() : null;
		}).orElse(null);
	}

	/**
	 * Answers a question from the platform's content, in the asker's language, for the chosen commune (if any).
	 * The question itself is not stored; the commune's (or, without one, the region's) counters are.
	 */
	public Answer ask(String question, Locale locale, @Nullable String commune) {
		Answer answer = answer(question, locale, commune);
		String counted = answer.commune() != null ? answer.commune() : "region";
		statistics.count(counted, answer.answered() ? AssistantStatistics.Counter.ANSWERED
				: AssistantStatistics.Counter.UNANSWERED, 1);
		return answer;
	}

	Answer answer(String question, Locale locale, @Nullable String commune) {
		String text = validQuestion(question);
		String chosen = validCommune(commune);
		String language = TextAnalysis.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
		Locale answerLocale = Locale.of(language);
		String normalised = " " + TextAnalysis.normalise(text) + " ";
		if (TextAnalysis.meaningfulWords(text).isEmpty()) {
			return noAnswer(text, language, "empty-question", chosen, answerLocale);
		}
		for (String phrase : ASKS_FOR_PERSON) {
			if (normalised.contains(" " + phrase + " ")) {
				return noAnswer(text, language, "asked-for-person", chosen, answerLocale);
			}
		}
		KnowledgeIndex.Search search = index.search(text, chosen);
		List<KnowledgeIndex.Hit> confident = search.hits()
			.stream()
			.filter(h -> h.coverage() >= properties.minCoverage() && h.score() >= properties.minScore())
			.toList();
		if (confident.isEmpty()) {
			return noAnswer(text, language, "no-match", search.commune(), answerLocale);
		}
		KnowledgeIndex.Hit top = confident.getFirst();
		List<Answer.Source> sources = new ArrayList<>();
		for (KnowledgeIndex.Hit hit : confident) {
			if (sources.size() >= Math.max(1, properties.maxSources())) {
				break;
			}
			if (hit != top && KnowledgeIndex.rank(hit) < KnowledgeIndex.rank(top) * 0.6) {
				break;
			}
			sources.add(source(hit, answerLocale, text));
		}
		boolean communeNeeded = search.commune() == null
				&& sources.stream().map(Answer.Source::organisation).filter(o -> o != null).distinct().count() > 0;
		return new Answer(text, language, true, top.entry().text().in(answerLocale).strip(), List.copyOf(sources),
				null, search.commune(), communeName(search.commune(), answerLocale), communeNeeded, true);
	}

	private Answer.Source source(KnowledgeIndex.Hit hit, Locale locale, String question) {
		KnowledgeEntry entry = hit.entry();
		return new Answer.Source(entry.id(), entry.title().in(locale),
				KnowledgeIndex.excerpt(entry, locale, question, 280), entry.link(), hit.organisation(),
				communeName(hit.organisation(), locale), Math.round(hit.score() * 100) / 100.0);
	}

	private Answer noAnswer(String question, String language, String reason, @Nullable String commune, Locale locale) {
		return new Answer(question, language, false, "", List.of(), reason, commune, communeName(commune, locale),
				false, true);
	}

	private @Nullable String communeName(@Nullable String organisation, Locale locale) {
		if (organisation == null) {
			return null;
		}
		try {
			return organisations.nameOf(OrganisationId.of(organisation), locale);
		}
		catch (IllegalArgumentException ex) {
			return organisation;
		}
	}

	private String validQuestion(@Nullable String question) {
		String text = question == null ? "" : question.strip();
		if (text.isEmpty()) {
			throw new AssistantException("assistant.error.question-empty");
		}
		if (text.length() > properties.maxQuestionLength()) {
			throw new AssistantException("assistant.error.question-too-long");
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
				|| !validSurrogates(text)) {
			throw new AssistantException("assistant.error.question-invalid");
		}
		return text;
	}

	private static boolean validSurrogates(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String validCommune(@Nullable String commune) {
		if (commune == null || commune.isBlank()) {
			return null;
		}
		if (!isCommune(commune.strip())) {
			throw new AssistantException("assistant.error.commune-unknown");
		}
		return commune.strip();
	}

	private boolean isCommune(String id) {
		if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
			return false;
		}
		return organisations.find(OrganisationId.of(id))
			.filter(o -> o.type() == OrganisationType.COMMUNE && o.active())
			.isPresent();
	}

	// ---- Hand-off and the citizen's conversations ----

	private OrchestraPrincipal citizen() {
		return currentUser.principal()
			.orElseThrow(() -> new AssistantException("assistant.error.sign-in", 401));
	}

	/**
	 * Hands a question over to an agent of the chosen commune. The conversation keeps the question and what the
	 * assistant found for it; the citizen is identified by their account only.
	 */
	public Conversation handOff(String question, @Nullable String commune, Locale locale) {
		OrchestraPrincipal citizen = citizen();
		String chosen = validCommune(commune);
		if (chosen == null) {
			throw new AssistantException("assistant.error.commune-required");
		}
		Answer attempt = answer(question, locale, chosen);
		String summary = attemptSummary(attempt);
		String language = attempt.language();
		Instant now = clock.instant();
		OrganisationId organisation = OrganisationId.of(chosen);
		Conversation conversation = TenantContext.callAs(organisation, () -> transactions.execute(status -> {
			Conversation created = conversations.save(new Conversation(citizen.accountId(), language,
					attempt.question(), summary, now));
			messages.save(new ConversationMessage(created.id(), ConversationMessage.Author.CITIZEN, null,
					attempt.question(), null, null, null, now));
			statistics.count(chosen, AssistantStatistics.Counter.HANDED_OFF, 1);
			events.publishEvent(new ConversationChanged(created.id(), chosen, "opened", citizen.getUsername(),
					citizen.accountId(), language, attempt.answered() ? "with sources" : "without answer"));
			return created;
		}));
		return conversation;
	}

	private static String attemptSummary(Answer attempt) {
		if (!attempt.answered()) {
			return "";
		}
		StringBuilder summary = new StringBuilder();
		for (Answer.Source source : attempt.sources()) {
			summary.append(source.title().replace('\n', ' ')).append(" — ").append(source.link()).append('\n');
		}
		return summary.toString().strip();
	}

	/** A conversation with its messages and who is on the other side: the commune for the citizen, the citizen (by name) for the agent. */
	public record Thread(Conversation conversation, String counterpart, List<ConversationMessage> messages) {
	}

	/** The signed-in citizen's conversations, with every commune, most recently updated first. */
	public List<Conversation> myConversations() {
		UUID account = citizen().accountId();
		return TenantContext.callAsSystem(
				() -> transactions.execute(status -> conversations.findByCitizenAccountOrderByUpdatedAtDesc(account)));
	}

	/** One of the signed-in citizen's conversations; another person's is not found. */
	public Optional<Thread> myConversation(UUID id) {
		UUID account = citizen().accountId();
		return TenantContext.callAsSystem(() -> transactions.execute(status -> conversations.findById(id)
			.filter(c -> c.citizenAccount().equals(account))
			.map(c -> new Thread(c, organisations.nameOf(OrganisationId.of(c.organisationId()), Locale.of(c.locale())),
					messages.findByConversationIdOrderByCreatedAtAsc(c.id())))));
	}

	/** The citizen writes again in their conversation; it waits for an agent again. */
	public void followUp(UUID id, String text) {
		String body = validMessage(text);
		Conversation mine = mine(id);
		Instant now = clock.instant();
		TenantContext.runAs(OrganisationId.of(mine.organisationId()), () -> transactions.executeWithoutResult(status -> {
			Conversation conversation = conversations.findById(id).orElseThrow();
			conversation.followedUp(now);
			messages.save(new ConversationMessage(id, ConversationMessage.Author.CITIZEN, null, body, null, null, null,
					now));
			events.publishEvent(new ConversationChanged(id, conversation.organisationId(), "followed-up",
					currentUser.actorName(), conversation.citizenAccount(), conversation.locale(), null));
		}));
	}

	/** The citizen closes their conversation. */
	public void closeMine(UUID id) {
		Conversation mine = mine(id);
		if (mine.status() == ConversationStatus.CLOSED) {
			return;
		}
		Instant now = clock.instant();
		TenantContext.runAs(OrganisationId.of(mine.organisationId()), () -> transactions.executeWithoutResult(status -> {
			Conversation conversation = conversations.findById(id).orElseThrow();
			conversation.close(now);
			statistics.count(conversation.organisationId(), AssistantStatistics.Counter.CLOSED, 1);
			events.publishEvent(new ConversationChanged(id, conversation.organisationId(), "closed",
					currentUser.actorName(), conversation.citizenAccount(), conversation.locale(), "by the citizen"));
		}));
	}

	/** The citizen erases their conversation and its messages now; only the counts remain. */
	public void eraseMine(UUID id) {
		Conversation mine = mine(id);
		TenantContext.runAs(OrganisationId.of(mine.organisationId()), () -> transactions.executeWithoutResult(status -> {
			Conversation conversation = conversations.findById(id).orElseThrow();
			if (conversation.status() != ConversationStatus.CLOSED) {
				statistics.count(conversation.organisationId(), AssistantStatistics.Counter.CLOSED, 1);
			}
			messages.deleteByConversationIds(List.of(id));
			conversations.delete(conversation);
			statistics.count(conversation.organisationId(), AssistantStatistics.Counter.ERASED, 1);
			events.publishEvent(new ConversationChanged(id, conversation.organisationId(), "erased",
					currentUser.actorName(), conversation.citizenAccount(), conversation.locale(), "by the citizen"));
		}));
	}

	private Conversation mine(UUID id) {
		return myConversation(id).map(Thread::conversation)
			.orElseThrow(() -> new AssistantException("assistant.error.not-found", 404));
	}

	static String validMessage(@Nullable String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new AssistantException("assistant.error.message-empty");
		}
		if (body.length() > 4000) {
			throw new AssistantException("assistant.error.message-too-long");
		}
		if (body.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
				|| !validSurrogates(body)) {
			throw new AssistantException("assistant.error.message-invalid");
		}
		return body;
	}
}
