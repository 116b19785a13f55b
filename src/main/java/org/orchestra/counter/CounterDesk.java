package org.orchestra.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.Document;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.shared.RoleContribution;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commune's side of the counter: the queue of requests with deadlines, assignment, status changes, messages
 * and files for the resident, answer templates and statistics. Every query is scoped to the organisation the
 * agent acts for; a request of another commune is not found.
 */
@Service
public class CounterDesk {

	private final Requests requests;
	private final RequestEvents events;
	private final RequestMessages messages;
	private final AnswerTemplates templates;
	private final DocumentManagement documents;
	private final IdentityManagement identity;
	private final CounterRequests residents;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher publisher;

	CounterDesk(Requests requests, RequestEvents events, RequestMessages messages, AnswerTemplates templates,
			DocumentManagement documents, IdentityManagement identity, CounterRequests residents,
			CurrentUser currentUser, ApplicationEventPublisher publisher) {
		this.requests = requests;
		this.events = events;
		this.messages = messages;
		this.templates = templates;
		this.documents = documents;
		this.identity = identity;
		this.residents = residents;
		this.currentUser = currentUser;
		this.publisher = publisher;
	}

	private OrganisationId organisation() {
		return TenantContext.require();
	}

	/** Filters of the queue. */
	public record Filter(@Nullable RequestStatus status, @Nullable String document, boolean mine, boolean overdue,
			boolean closed) {
	}

	/** The organisation's requests: open ones by deadline, or closed ones newest first. */
	@Transactional(readOnly = true)
	public Page<DocumentRequest> queue(Filter filter, int page) {
		String org = organisation().value();
		String me = currentUser.actorName();
		Specification<DocumentRequest> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("organisationId"), org));
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			else if (filter.closed()) {
				where.add(root.get("status").in(RequestStatus.DELIVERED, RequestStatus.REFUSED));
			}
			else {
				where.add(root.get("status").in(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS,
						RequestStatus.WAITING_FOR_CITIZEN, RequestStatus.READY));
			}
			if (filter.document() != null && !filter.document().isBlank()) {
				where.add(cb.equal(root.get("documentCode"), filter.document()));
			}
			if (filter.mine()) {
				where.add(cb.equal(root.get("assignee"), me));
			}
			if (filter.overdue()) {
				where.add(cb.lessThan(root.get("dueDate"), java.time.LocalDate.now(CounterRequests.BRUSSELS)));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		Sort sort = filter.closed() ? Sort.by(Sort.Order.desc("updatedAt"))
				: Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("createdAt"));
		return requests.findAll(spec, PageRequest.of(Math.max(page, 0), 50, sort));
	}

	/** A request of the organisation; another commune's is not found. */
	@Transactional(readOnly = true)
	public DocumentRequest get(String reference) {
		String org = organisation().value();
		return requests.findByReference(reference).filter(r -> r.organisationId().equals(org))
				.orElseThrow(() -> new CounterException("counter.error.unknown-request", 404));
	}

	@Transactional(readOnly = true)
	public List<RequestEvent> timeline(DocumentRequest request) {
		return events.findByRequestIdOrderByAtAsc(request.id());
	}

	@Transactional(readOnly = true)
	public List<RequestMessage> messages(DocumentRequest request) {
		return messages.findByRequestIdOrderByAtAsc(request.id());
	}

	/** Agents of the organisation the request can be assigned to. */
	public List<String> agents() {
		List<String> names = new ArrayList<>(identity.usernamesWithRole(organisation(), RoleContribution.AGENT));
		for (String admin : identity.usernamesWithRole(organisation(), RoleContribution.ORG_ADMIN)) {
			if (!names.contains(admin)) {
				names.add(admin);
			}
		}
		return names;
	}

	@Transactional
	public DocumentRequest assign(String reference, @Nullable String agent) {
		DocumentRequest request = get(reference);
		if (!request.status().open()) {
			throw new CounterException("counter.error.closed", 409);
		}
		String target = agent == null || agent.isBlank() ? null : agent.strip();
		if (target != null && !agents().contains(target)) {
			throw new CounterException("counter.error.unknown-agent");
		}
		request.assign(target);
		if (target != null && request.status() == RequestStatus.RECEIVED) {
			request.moveTo(RequestStatus.IN_PROGRESS);
		}
		record(request, "assigned", target);
		return request;
	}

	/** Moves a request along its workflow; refusing needs a reason, and READY needs the document when delivered by download. */
	@Transactional
	public DocumentRequest move(String reference, RequestStatus next, @Nullable String note) {
		DocumentRequest request = get(reference);
		if (!request.status().next().contains(next)) {
			throw new CounterException("counter.error.transition", 409);
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 2000) {
			throw new CounterException("counter.error.message-long");
		}
		if (next == RequestStatus.REFUSED) {
			if (text == null) {
				throw new CounterException("counter.error.reason-required");
			}
			request.refuse(text);
		}
		else {
			if (next == RequestStatus.READY && request.deliveryMode() == DeliveryMode.DOWNLOAD
					&& request.documentId() == null) {
				throw new CounterException("counter.error.document-required", 409);
			}
			if (next == RequestStatus.WAITING_FOR_CITIZEN && text == null) {
				throw new CounterException("counter.error.question-required");
			}
			request.moveTo(next);
		}
		if (text != null && next != RequestStatus.REFUSED) {
			// A note for the resident is part of the conversation (the reason of a refusal is shown as such).
			messages.save(new RequestMessage(request.id(), true, currentUser.actorName(), text, null, null));
		}
		record(request, "status", text);
		return request;
	}

	/** Attaches the produced document to the request: the resident can download it and the request is ready. */
	@Transactional
	public DocumentRequest deliverDocument(String reference, CounterRequests.Upload upload) {
		DocumentRequest request = get(reference);
		if (!request.status().open() || request.status() == RequestStatus.READY) {
			throw new CounterException("counter.error.closed", 409);
		}
		Document document = documents.upload(request.reference() + " – " + upload.filename(), upload.filename(),
				upload.content());
		request.attach(document.id(), null);
		request.moveTo(RequestStatus.READY);
		record(request, "document", document.filename());
		return request;
	}

	/** An agent writes to the resident, possibly with a file. */
	@Transactional
	public RequestMessage write(String reference, String body, CounterRequests.@Nullable Upload upload) {
		DocumentRequest request = get(reference);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new CounterException("counter.error.message-empty");
		}
		if (text.length() > 4000) {
			throw new CounterException("counter.error.message-long");
		}
		if (!request.status().open()) {
			throw new CounterException("counter.error.closed", 409);
		}
		Document file = upload == null ? null
				: documents.upload(request.reference() + " – " + upload.filename(), upload.filename(),
						upload.content());
		RequestMessage message = messages.save(new RequestMessage(request.id(), true, currentUser.actorName(), text,
				file == null ? null : file.id(), file == null ? null : file.filename()));
		request.touch();
		publisher.publishEvent(new RequestChanged(request.id(), request.reference(), "message",
				request.organisationId(), currentUser.actorName(), request.status(), null));
		return message;
	}

	public CounterRequests.Download download(String reference) {
		DocumentRequest request = get(reference);
		if (request.documentId() == null) {
			throw new CounterException("counter.error.not-ready", 409);
		}
		return residents.open(documents.find(request.documentId())
				.orElseThrow(() -> new CounterException("counter.error.unknown-file", 404)));
	}

	public CounterRequests.Download attachment(String reference, UUID documentId) {
		return residents.attachmentOf(get(reference), documentId);
	}

	private void record(DocumentRequest request, String type, @Nullable String note) {
		events.save(new RequestEvent(request.id(), type, request.status(), currentUser.actorName(), note));
		publisher.publishEvent(new RequestChanged(request.id(), request.reference(), type, request.organisationId(),
				currentUser.actorName(), request.status(), note));
	}

	@Transactional(readOnly = true)
	public List<AnswerTemplate> templates() {
		return templates.findByOrganisationIdOrderByTitleAsc(organisation().value());
	}

	@Transactional
	public AnswerTemplate addTemplate(String title, String body) {
		String t = title == null ? "" : title.strip();
		String b = body == null ? "" : body.strip();
		if (t.isEmpty() || t.length() > 200 || b.isEmpty() || b.length() > 4000) {
			throw new CounterException("counter.error.template");
		}
		return templates.save(new AnswerTemplate(organisation().value(), t, b));
	}

	@Transactional
	public void removeTemplate(UUID id) {
		AnswerTemplate template = templates.findById(id).filter(t -> t.organisationId().equals(organisation().value()))
				.orElseThrow(() -> new CounterException("counter.error.template", 404));
		templates.delete(template);
	}

	/** Counts and timings of the organisation's requests. */
	public record Statistics(Map<RequestStatus, Long> byStatus, Map<String, Long> byDocument, long overdue,
			@Nullable Duration medianProcessing, long closedLast30Days) {
	}

	@Transactional(readOnly = true)
	public Statistics statistics() {
		String org = organisation().value();
		Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
		for (RequestStatus s : RequestStatus.values()) {
			byStatus.put(s, 0L);
		}
		for (Object[] row : requests.countByStatus(org)) {
			byStatus.put((RequestStatus) row[0], ((Number) row[1]).longValue());
		}
		Map<String, Long> byDocument = new LinkedHashMap<>();
		for (Object[] row : requests.countByDocument(org)) {
			byDocument.put((String) row[0], ((Number) row[1]).longValue());
		}
		long overdue = requests.countOverdue(org, List.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS,
				RequestStatus.WAITING_FOR_CITIZEN, RequestStatus.READY));
		List<Duration> durations = new ArrayList<>();
		for (Object[] row : requests.closedSince(org, Instant.now().minus(Duration.ofDays(30)))) {
			durations.add(Duration.between((Instant) row[0], (Instant) row[1]));
		}
		durations.sort(null);
		Duration median = durations.isEmpty() ? null : durations.get(durations.size() / 2);
		return new Statistics(byStatus, byDocument, overdue, median, durations.size());
	}
}
