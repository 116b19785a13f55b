package org.orchestra.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.orchestra.tenancy.TenantGuard;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module's facade: puts messages in an organisation's outbox and shows the outbox. Delivery
 * happens in the background ({@link OutboxDispatcher}).
 */
@Service
public class NotificationManagement {

	private final OutboxMessages messages;
	private final MailRenderer renderer;
	private final TransactionTemplate newTransaction;
	private final TenantGuard tenants;

	NotificationManagement(OutboxMessages messages, MailRenderer renderer, PlatformTransactionManager transactions,
			TenantGuard tenants) {
		this.messages = messages;
		this.tenants = tenants;
		this.renderer = renderer;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Queues an e-mail in the organisation's outbox. Inside a transaction of that same organisation the message
	 * commits or rolls back with the caller's work; otherwise it is stored in its own transaction.
	 */
	public UUID sendEmail(OrganisationId organisation, String recipient, Locale locale, String template,
			Map<String, Object> variables) {
		return sendEmail(organisation, recipient, locale, template, variables, List.of());
	}

	/**
	 * Queues an e-mail with attached files (an iCalendar invitation, a receipt); the files are stored with the
	 * message and sent with it. Same transaction rules as {@link #sendEmail(OrganisationId, String, Locale, String, Map)}.
	 */
	public UUID sendEmail(OrganisationId organisation, String recipient, Locale locale, String template,
			Map<String, Object> variables, List<MailAttachment> attachments) {
		if (attachments.size() > 10) {
			throw new IllegalArgumentException("Too many attachments");
		}
		if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("Invalid e-mail address");
		}
		MailRenderer.Rendered rendered = renderer.render(template, variables, locale);
		OutboxMessage message = new OutboxMessage(organisation.value(), recipient, locale.getLanguage(), template,
				rendered.subject(), rendered.body());
		message.attach(attachments);
		boolean joinable = TransactionSynchronizationManager.isActualTransactionActive()
				&& TenantContext.current().map(organisation::equals).orElse(false)
				&& tenants.sessionBelongsTo(organisation);
		if (joinable) {
			return messages.insert(message).id();
		}
		return TenantContext.callAs(organisation, () -> newTransaction.execute(status -> messages.insert(message).id()));
	}

	/** The outbox of the organisation the caller acts for, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> outbox() {
		TenantContext.require();
		return messages.findTop200ByOrderByCreatedAtDesc();
	}

	@Transactional(readOnly = true)
	public Optional<OutboxMessage> find(UUID id) {
		return messages.findById(id);
	}

	/** Puts a failed message of the caller's organisation back in the queue. */
	@Transactional
	public boolean retry(UUID id) {
		return messages.findById(id).map(message -> {
			message.retry(Instant.now());
			return message.status() == MessageStatus.PENDING;
		}).orElse(false);
	}
}
