package org.orchestra.identity;

import java.time.Instant;

import org.orchestra.shared.AuditFacts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins and locks an account after too many in a row; records every interactive sign-in and
 * every failure on a known account in the audit trail.
 */
@Component
class SignInListener {

	private final Accounts accounts;
	private final IdentityProperties properties;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	SignInListener(Accounts accounts, IdentityProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.accounts = accounts;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		transactions.executeWithoutResult(status -> accounts.findByUsernameIgnoreCase(username).ifPresent(account -> {
			boolean locked = account.signInFailed(properties.maxFailedAttempts(), properties.lockDuration(),
					Instant.now());
			events.publishEvent(new SignInRecorded(account.username(), null,
					locked ? SignInRecorded.LOCKED : AuditFacts.FAILURE, "password", account.email(),
					LocaleContextHolder.getLocale().getLanguage()));
		}));
	}

	@EventListener
	void onSuccess(InteractiveAuthenticationSuccessEvent event) {
		CurrentUser.of(event.getAuthentication()).ifPresent(principal -> transactions.executeWithoutResult(status -> {
			accounts.findById(principal.accountId()).ifPresent(Account::signedIn);
			events.publishEvent(new SignInRecorded(principal.getUsername(),
					principal.currentOrganisation().map(Object::toString).orElse(null), AuditFacts.SUCCESS,
					event.getAuthentication().getClass().getSimpleName().contains("OAuth2") ? "oidc" : "password",
					null, LocaleContextHolder.getLocale().getLanguage()));
		}));
	}
}
