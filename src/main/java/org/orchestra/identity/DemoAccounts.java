package org.orchestra.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.RoleContribution;
import org.orchestra.tenancy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: accounts for each kind of user, all sharing the demo password. Seeded only when
 * {@code orchestra.demo.enabled} is on (the {@code demo} profile); the citizen's national number is synthetic.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoAccounts implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("admin.region", "Demo – Région / Gewest admin", AccountKind.STAFF, null,
					List.of(new Role("region", RoleContribution.PLATFORM_ADMIN),
							new Role("region", RoleContribution.ORG_ADMIN))),
			new Demo("auditor.region", "Demo – Auditeur / Auditor", AccountKind.STAFF, null,
					List.of(new Role("region", RoleContribution.AUDITOR))),
			new Demo("admin.ixelles", "Demo – Admin Ixelles / Elsene", AccountKind.STAFF, null,
					List.of(new Role("commune-21009", RoleContribution.ORG_ADMIN))),
			new Demo("agent.ixelles", "Demo – Agent Ixelles / Elsene", AccountKind.STAFF, null,
					List.of(new Role("commune-21009", RoleContribution.AGENT),
							new Role("cpas-21009", RoleContribution.AGENT))),
			new Demo("admin.schaerbeek", "Demo – Admin Schaerbeek / Schaarbeek", AccountKind.STAFF, null,
					List.of(new Role("commune-21015", RoleContribution.ORG_ADMIN))),
			new Demo("agent.schaerbeek", "Demo – Agent Schaerbeek / Schaarbeek", AccountKind.STAFF, null,
					List.of(new Role("commune-21015", RoleContribution.AGENT))),
			new Demo("contractor.ixelles", "Demo – Entrepreneur / Aannemer (Ixelles)", AccountKind.STAFF, null,
					List.of(new Role("commune-21009", RoleContribution.CONTRACTOR))),
			new Demo("agent.mobility", "Demo – Agent Bruxelles Mobilité / Brussel Mobiliteit", AccountKind.STAFF, null,
					List.of(new Role("agency-mobility", RoleContribution.AGENT))),
			new Demo("new.colleague", "Demo – Nouveau collègue / Nieuwe collega", AccountKind.STAFF, null, List.of()),
			new Demo("citizen.demo", "Demo – Citoyen fictif / Fictieve burger", AccountKind.CITIZEN, "85073003328",
					List.of()),
			new Demo("citizen.schaerbeek", "Demo – Habitant fictif de Schaerbeek / Fictieve inwoner van Schaarbeek",
					AccountKind.CITIZEN, "90010100123", List.of()),
			new Demo("citizen.anderlecht", "Demo – Habitante fictive d'Anderlecht / Fictieve inwoonster van Anderlecht",
					AccountKind.CITIZEN, "78111000156", List.of()));

	private final Accounts accounts;
	private final Memberships memberships;
	private final PasswordEncoder passwords;
	private final IdentityProperties properties;
	private final TransactionTemplate transactions;

	DemoAccounts(Accounts accounts, Memberships memberships, PasswordEncoder passwords, IdentityProperties properties,
			TransactionTemplate transactions) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.passwords = passwords;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			int created = 0;
			for (Demo demo : ACCOUNTS) {
				if (accounts.findByUsernameIgnoreCase(demo.username()).isPresent()) {
					continue;
				}
				Account account = new Account(demo.username(), demo.displayName(),
						demo.username() + "@demo.orchestra.invalid", demo.kind());
				account.changePassword(passwords.encode(properties.demoPassword()));
				if (demo.nationalNumber() != null) {
					account.linkNationalNumber(new NationalNumber(demo.nationalNumber()));
				}
				accounts.save(account);
				for (Role role : demo.roles()) {
					memberships.save(new Membership(account.id(), OrganisationId.of(role.organisation()), role.role(),
							CurrentUser.SYSTEM));
				}
				created++;
			}
			if (created > 0) {
				LOG.info("Seeded {} demo accounts (demo data)", created);
			}
		});
	}

	record Demo(String username, String displayName, AccountKind kind, @Nullable String nationalNumber,
			List<Role> roles) {
	}

	record Role(String organisation, String role) {
	}
}
