package org.orchestra.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound webhooks: when a report of an organisation is assigned to a contractor or transferred, each active
 * webhook of that organisation receives a signed JSON notification. Deliveries go through an outbox and are
 * retried with back-off; only HTTPS addresses are accepted (plain HTTP only when explicitly allowed).
 */
@Service
public class Webhooks {

	private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	static final List<String> EVENTS = List.of("contractor-assigned", "transferred", "assigned");

	private final WebhookHooks hooks;
	private final WebhookDeliveries deliveries;
	private final Reports reports;
	private final CurrentUser currentUser;
	private final TransactionTemplate transactions;
	private final WebhookProperties properties;
	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	Webhooks(WebhookHooks hooks, WebhookDeliveries deliveries, Reports reports, CurrentUser currentUser,
			TransactionTemplate transactions, WebhookProperties properties) {
		this.hooks = hooks;
		this.deliveries = deliveries;
		this.reports = reports;
		this.currentUser = currentUser;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Registers a webhook for the organisation the caller acts for; returns it with its signing secret. */
	@Transactional
	public Webhook register(String url) {
		OrganisationId organisation = administeredOrganisation();
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IncidentException("incident.error.webhook-url");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && properties.allowHttp()))) {
			throw new IncidentException("incident.error.webhook-url");
		}
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		return hooks.save(new Webhook(organisation.value(), uri.toString(), HexFormat.of().formatHex(secret)));
	}

	@Transactional(readOnly = true)
	public List<Webhook> webhooks() {
		return hooks.findByOrganisationIdAndActiveTrue(administeredOrganisation().value());
	}

	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(UUID webhook) {
		return find(webhook).map(h -> deliveries.findTop50ByWebhookIdOrderByCreatedAtDesc(h.id())).orElse(List.of());
	}

	@Transactional
	public void remove(UUID webhook) {
		find(webhook).ifPresent(Webhook::deactivate);
	}

	/** The signing secret, shown to the organisation's administrators. */
	@Transactional(readOnly = true)
	public Optional<String> secret(UUID webhook) {
		return find(webhook).map(Webhook::secret);
	}

	private Optional<Webhook> find(UUID webhook) {
		String organisation = administeredOrganisation().value();
		return hooks.findById(webhook).filter(h -> h.organisationId().equals(organisation) && h.active());
	}

	private OrganisationId administeredOrganisation() {
		if (!currentUser.hasPrivilege(IncidentRoles.DISPATCH)) {
			throw new AccessDeniedException("Missing privilege " + IncidentRoles.DISPATCH);
		}
		return currentUser.organisation().orElseThrow(() -> new AccessDeniedException("No organisation"));
	}

	@ApplicationModuleListener
	void on(IncidentChanged event) {
		if (!EVENTS.contains(event.type())) {
			return;
		}
		IncidentReport report = reports.findById(event.reportId()).orElse(null);
		if (report == null) {
			return;
		}
		// a transfer notifies both the organisation that let go and the one that received the report
		List<String> organisations = event.type().equals("transferred")
				? List.of(event.organisation(), report.organisationId()) : List.of(report.organisationId());
		for (String organisation : organisations.stream().distinct().toList()) {
			for (Webhook hook : hooks.findByOrganisationIdAndActiveTrue(organisation)) {
				String payload = "{\"event\":\"" + event.type() + "\",\"service_request_id\":\"" + report.id()
						+ "\",\"organisation\":\"" + report.organisationId() + "\",\"status\":\"" + report.status()
						+ "\",\"contractor\":" + (report.contractor() == null ? "null" : "\"" + report.contractor() + "\"")
						+ ",\"at\":\"" + Instant.now() + "\"}";
				deliveries.save(new WebhookDelivery(hook.id(), payload));
			}
		}
	}

	@Scheduled(fixedDelayString = "${orchestra.incident.webhooks.interval:10s}", initialDelayString = "${orchestra.incident.webhooks.interval:10s}")
	void scheduled() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			LOG.warn("Webhook round failed: {}", ex.getMessage());
		}
	}

	/** Delivers what is due; returns how many deliveries succeeded. */
	int deliverDue() {
		List<WebhookDelivery> due = transactions.execute(s -> deliveries.due(Instant.now(), PageRequest.of(0, 50)));
		int delivered = 0;
		for (WebhookDelivery delivery : due == null ? List.<WebhookDelivery>of() : due) {
			Webhook hook = hooks.findById(delivery.webhookId()).orElse(null);
			String error = null;
			if (hook == null || !hook.active()) {
				error = "webhook removed";
			}
			else {
				try {
					HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json")
						.header("X-Orchestra-Signature", "sha256=" + sign(hook.secret(), delivery.payload()))
						.header("X-Orchestra-Delivery", delivery.id().toString())
						.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
						.build();
					HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() / 100 != 2) {
						error = "HTTP " + response.statusCode();
					}
				}
				catch (java.io.IOException | IllegalArgumentException ex) {
					error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return delivered;
				}
			}
			String failure = error;
			transactions.executeWithoutResult(s -> deliveries.findById(delivery.id()).ifPresent(d -> {
				if (failure == null) {
					d.delivered();
				}
				else {
					d.failed(failure, Instant.now());
				}
			}));
			if (error == null) {
				delivered++;
			}
		}
		return delivered;
	}

	static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
