package org.orchestra.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange module's facade for people: partners register clients and request rights for their own
 * organisation; the integrator approves or refuses, manages populations, searches transactions, exports evidence
 * and follows statistics and the health of sources.
 */
@Service
@Transactional
public class ExchangeManagement {

	private final Clients clients;
	private final Rights rights;
	private final Population population;
	private final Transactions transactions;
	private final Checkpoints checkpoints;
	private final TransactionLog log;
	private final ExchangeKeys keys;
	private final ExchangeGateway gateway;
	private final ServiceCatalog catalog;
	private final Providers providers;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;
	private final ApplicationEventPublisher events;

	ExchangeManagement(Clients clients, Rights rights, Population population, Transactions transactions,
			Checkpoints checkpoints, TransactionLog log, ExchangeKeys keys, ExchangeGateway gateway,
			ServiceCatalog catalog, Providers providers, CurrentUser currentUser, OrganisationDirectory organisations,
			ApplicationEventPublisher events) {
		this.clients = clients;
		this.rights = rights;
		this.population = population;
		this.transactions = transactions;
		this.checkpoints = checkpoints;
		this.log = log;
		this.keys = keys;
		this.gateway = gateway;
		this.catalog = catalog;
		this.providers = providers;
		this.currentUser = currentUser;
		this.organisations = organisations;
		this.events = events;
	}

	// --- partners -------------------------------------------------------------------------------------

	/** Registers a client application of the caller's organisation (or, for the integrator, of any partner). */
	public ExchangeClient registerClient(String partner, String name, String publicKeyPem, int ratePerSecond) {
		String owner = partnerScope(partner);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new ExchangeException("exchange.error.client-name");
		}
		try {
			ClientAuthentication.publicKey(publicKeyPem);
		}
		catch (RuntimeException ex) {
			throw new ExchangeException("exchange.error.public-key");
		}
		if (ratePerSecond < 1 || ratePerSecond > 10_000) {
			throw new ExchangeException("exchange.error.rate");
		}
		String clientId = owner + "." + name.trim().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "."
				+ UUID.randomUUID().toString().substring(0, 6);
		ExchangeClient client = clients.save(new ExchangeClient(clientId, owner, name.trim(), publicKeyPem.trim(),
				ratePerSecond));
		events.publishEvent(new ExchangeAdministered(currentUser.actorName(), owner, "client-registered", clientId));
		return client;
	}

	@Transactional(readOnly = true)
	public List<ExchangeClient> clients(@Nullable String partner) {
		if (isIntegrator() && partner == null) {
			return clients.findAllByOrderByPartnerIdAscNameAsc();
		}
		return clients.findByPartnerIdOrderByName(partnerScope(partner));
	}

	/** A partner requests a right for one of its clients. */
	public AccessRight requestRight(String clientId, String service, String operation, String purpose,
			String legalBasis) {
		ExchangeClient client = clients.findByClientId(clientId)
			.orElseThrow(() -> new ExchangeException("exchange.error.unknown-client"));
		partnerScope(client.partnerId());
		ServiceDefinition definition = catalog.find(service)
			.orElseThrow(() -> new ExchangeException("exchange.error.unknown-service"));
		definition.operation(operation).orElseThrow(() -> new ExchangeException("exchange.error.unknown-operation"));
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw new ExchangeException("exchange.error.purpose");
		}
		if (legalBasis == null || legalBasis.isBlank() || legalBasis.length() > 300) {
			throw new ExchangeException("exchange.error.legal-basis");
		}
		AccessRight right = rights.save(new AccessRight(clientId, client.partnerId(), service, operation,
				purpose.trim(), legalBasis.trim(), currentUser.actorName()));
		events.publishEvent(new ExchangeAdministered(currentUser.actorName(), client.partnerId(), "right-requested",
				right.id().toString()));
		return right;
	}

	@Transactional(readOnly = true)
	public List<AccessRight> rights(@Nullable String partner) {
		if (isIntegrator() && partner == null) {
			return rights.findAllByOrderByRequestedAtDesc();
		}
		return rights.findByPartnerIdOrderByRequestedAtDesc(partnerScope(partner));
	}

	// --- integrator -----------------------------------------------------------------------------------

	/** Grants, refuses or revokes a right; it takes effect at once. */
	public AccessRight decide(UUID rightId, RightStatus decision, @Nullable String note) {
		requireIntegrator();
		AccessRight right = rights.findById(rightId).orElseThrow(() -> new ExchangeException("exchange.error.unknown-right"));
		boolean allowed = switch (decision) {
			case GRANTED, REFUSED -> right.status() == RightStatus.REQUESTED;
			case REVOKED -> right.status() == RightStatus.GRANTED;
			default -> false;
		};
		if (!allowed) {
			throw new ExchangeException("exchange.error.decision");
		}
		right.decide(decision, currentUser.actorName(), note == null || note.isBlank() ? null : note.trim());
		gateway.rightsChanged();
		events.publishEvent(new ExchangeAdministered(currentUser.actorName(), right.partnerId(),
				"right-" + decision.name().toLowerCase(), right.id().toString()));
		return right;
	}

	public void disableClient(UUID id) {
		ExchangeClient client = clients.findById(id).orElseThrow(() -> new ExchangeException("exchange.error.unknown-client"));
		partnerScope(client.partnerId());
		client.deactivate();
		events.publishEvent(new ExchangeAdministered(currentUser.actorName(), client.partnerId(), "client-disabled",
				client.clientId()));
	}

	/** Adds a person (by national number, kept only as a keyed hash) to a partner's population. */
	public void addToPopulation(String partner, String nationalNumber) {
		requireIntegrator();
		if (!organisations.exists(OrganisationId.of(partner))) {
			throw new ExchangeException("exchange.error.unknown-partner");
		}
		String digits = nationalNumber == null ? "" : nationalNumber.replaceAll("[\\s.\\-]", "");
		if (!digits.matches("\\d{11}")) {
			throw new ExchangeException("exchange.error.national-number");
		}
		String hash = keys.personHash(digits);
		if (!population.existsByPartnerIdAndPersonHash(partner, hash)) {
			population.save(new PopulationMember(partner, hash));
		}
	}

	@Transactional(readOnly = true)
	public long populationSize(String partner) {
		return population.countByPartnerId(partner);
	}

	/** Transaction search criteria; null means any. */
	public record Filter(@Nullable String partner, @Nullable String clientId, @Nullable String service,
			@Nullable String outcome, @Nullable Instant from, @Nullable Instant to) {
	}

	@Transactional(readOnly = true)
	public Page<LoggedTransaction> transactions(Filter filter, int page) {
		String partner = isIntegrator() ? filter.partner() : partnerScope(filter.partner());
		Specification<LoggedTransaction> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (partner != null) {
				where.add(cb.equal(root.get("partnerId"), partner));
			}
			if (filter.clientId() != null) {
				where.add(cb.equal(root.get("clientId"), filter.clientId()));
			}
			if (filter.service() != null) {
				where.add(cb.equal(root.get("service"), filter.service()));
			}
			if (filter.outcome() != null) {
				where.add(cb.equal(root.get("outcome"), filter.outcome()));
			}
			if (filter.from() != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("at"), filter.from()));
			}
			if (filter.to() != null) {
				where.add(cb.lessThan(root.get("at"), filter.to()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		return transactions.findAll(spec, PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "seq")));
	}

	/** Evidence of one transaction that verifies offline. */
	public Map<String, Object> evidence(String messageId) {
		requireIntegrator();
		LoggedTransaction transaction = transactions.findByMessageId(messageId)
			.orElseThrow(() -> new ExchangeException("exchange.error.unknown-transaction", 404));
		List<Checkpoint> covering = checkpoints.covering(transaction.seq(), PageRequest.of(0, 1));
		if (covering.isEmpty()) {
			log.checkpointNow();
			covering = checkpoints.covering(transaction.seq(), PageRequest.of(0, 1));
		}
		Checkpoint checkpoint = covering.get(0);
		return Evidence.of(transactions.range(transaction.seq(), checkpoint.seq()), checkpoint, keys.publicKey());
	}

	@Transactional(readOnly = true)
	public TransactionLog.Verification verifyLog() {
		requireIntegrator();
		return log.verify(transactions, checkpoints);
	}

	/** Volume, errors and latency percentiles per partner and per service, over the last 24 hours. */
	public record Statistic(String key, long volume, long refused, long failed, long p50, long p95) {
	}

	@Transactional(readOnly = true)
	public Map<String, List<Statistic>> statistics() {
		requireIntegrator();
		Map<String, List<Long>> byPartner = new TreeMap<>();
		Map<String, List<Long>> byService = new TreeMap<>();
		Map<String, long[]> counts = new java.util.HashMap<>();
		for (Object[] t : transactions.since(Instant.now().minus(java.time.Duration.ofHours(24)))) {
			String partnerId = (String) t[0];
			String service = (String) t[1];
			long latency = (Long) t[3];
			byPartner.computeIfAbsent(partnerId, k -> new ArrayList<>()).add(latency);
			byService.computeIfAbsent(service, k -> new ArrayList<>()).add(latency);
			for (String key : List.of("p:" + partnerId, "s:" + service)) {
				long[] c = counts.computeIfAbsent(key, k -> new long[2]);
				Outcome outcome = Outcome.valueOf((String) t[2]);
				if (outcome.status() == 403 || outcome.status() == 429 || outcome.status() == 404 || outcome.status() == 400) {
					c[0]++;
				}
				else if (outcome.status() >= 500) {
					c[1]++;
				}
			}
		}
		Map<String, List<Statistic>> result = new LinkedHashMap<>();
		result.put("partner", statistics(byPartner, counts, "p:"));
		result.put("service", statistics(byService, counts, "s:"));
		return result;
	}

	private static List<Statistic> statistics(Map<String, List<Long>> latencies, Map<String, long[]> counts,
			String prefix) {
		List<Statistic> list = new ArrayList<>();
		latencies.forEach((key, values) -> {
			List<Long> sorted = values.stream().sorted().toList();
			long[] c = counts.getOrDefault(prefix + key, new long[2]);
			list.add(new Statistic(key, sorted.size(), c[0], c[1], sorted.get((sorted.size() - 1) / 2),
					sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)));
		});
		return list;
	}

	/** The health of each service's source. */
	@Transactional(readOnly = true)
	public Map<String, String> health() {
		Map<String, String> health = new LinkedHashMap<>();
		catalog.all().forEach(s -> health.put(s.code(), providers.of(s.code()).health()));
		return health;
	}

	public boolean isIntegrator() {
		return currentUser.hasPrivilege(ExchangeRoles.ADMIN);
	}

	private void requireIntegrator() {
		if (!isIntegrator()) {
			throw new AccessDeniedException("Missing privilege " + ExchangeRoles.ADMIN);
		}
	}

	/** The partner the caller may act on: any for the integrator, otherwise only their own organisation. */
	private String partnerScope(@Nullable String partner) {
		if (isIntegrator() && partner != null) {
			return partner;
		}
		if (!currentUser.hasPrivilege(ExchangeRoles.PARTNER) && !isIntegrator()) {
			throw new AccessDeniedException("Missing privilege " + ExchangeRoles.PARTNER);
		}
		String own = currentUser.organisation().map(OrganisationId::value)
			.orElseThrow(() -> new AccessDeniedException("No organisation"));
		if (partner != null && !partner.equals(own)) {
			throw new AccessDeniedException("Another partner");
		}
		return own;
	}

	public Optional<ExchangeClient> client(String clientId) {
		return clients.findByClientId(clientId);
	}
}
