package org.orchestra.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity with its direct dependencies: granting a role publishes the event others react to. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class IdentityModuleTests {

	static final OrganisationId SCHAERBEEK = OrganisationId.of("commune-21015");

	@Autowired
	IdentityManagement identity;

	@Test
	void grantingARolePublishesMembershipGranted(Scenario scenario) {
		OrchestraPrincipal admin = identity.principalOf(identity.findAccount("admin.schaerbeek").orElseThrow());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		String username = "module-" + System.nanoTime();
		identity.createAccount(username, "Module Test", username + "@example.org", AccountKind.STAFF,
				"A-long-password-1");

		scenario.stimulate(() -> identity.grant(SCHAERBEEK, username, "agent"))
			.andWaitForEventOfType(MembershipGranted.class)
			.matching(event -> event.username().equals(username))
			.toArriveAndVerify(event -> {
				assertThat(event.organisation()).isEqualTo(SCHAERBEEK.value());
				assertThat(event.auditFacts().action()).isEqualTo("identity.membership.granted");
				assertThat(event.auditFacts().actor()).isEqualTo("admin.schaerbeek");
			});
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}
}
