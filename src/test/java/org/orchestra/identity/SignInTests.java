package org.orchestra.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.shared.RoleContribution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignInTests extends PlatformTests {

	@Autowired
	IdentityManagement identity;

	@Test
	void aDemoStaffMemberSignsInAndSeesTheirOrganisation() throws Exception {
		MockHttpSession session = login("admin.ixelles");
		mvc.perform(get("/account").session(session).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Commune d&#39;Ixelles")))
			.andExpect(content().string(containsString("identity.member.manage")));
	}

	@Test
	void signingInGivesANewSessionId() throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		String before = anonymous.getId();
		MvcResult result = mvc.perform(post("/login").session(anonymous)
			.param("username", "agent.ixelles")
			.param("password", DEMO_PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/")).andReturn();
		assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(before);
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "agent.ixelles").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInWithoutCsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/login").param("username", "agent.ixelles").param("password", DEMO_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAccountIsLockedAfterFiveFailuresInARowEvenForTheRightPassword() throws Exception {
		String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		identity.createAccount(username, "Lock Test", username + "@example.org", AccountKind.STAFF,
				"Correct-Password-1");
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/login").param("username", username).param("password", "bad").with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").param("username", username).param("password", "bad").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", username).param("password", "Correct-Password-1").with(csrf()))
			.andExpect(redirectedUrl("/login?locked"));
		assertThat(identity.findAccount(username).orElseThrow().lockedUntil()).isNotNull();
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'identity.account.locked' and actor = ?",
				Integer.class, username)).isEqualTo(1));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = ? and template = 'account-locked'",
				Integer.class, username + "@example.org")).isEqualTo(1));
	}

	@Test
	void pagesCarrySecureHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().exists("Referrer-Policy"));
	}

	@Test
	void protectedPagesSendBrowsersToTheLoginPageAndApiClientsA401() throws Exception {
		mvc.perform(get("/account").accept("text/html")).andExpect(status().isFound());
		mvc.perform(get("/api/audit/entries")).andExpect(status().isUnauthorized());
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = login("agent.ixelles");
		mvc.perform(post("/logout").session(session).with(csrf()).accept("text/html")).andExpect(redirectedUrl("/?signed-out"));
		mvc.perform(get("/account").session(session).accept("text/html")).andExpect(status().isFound());
	}

	@org.springframework.beans.factory.annotation.Autowired
	java.util.List<org.orchestra.shared.RoleContribution> roleContributions;

	@Test
	void citizensGetCitizenPrivilegesOnly() {
		OrchestraPrincipal citizen = identity.principalOf(identity.findAccount("citizen.demo").orElseThrow());
		assertThat(citizen.kind()).isEqualTo(AccountKind.CITIZEN);
		assertThat(citizen.nationalNumber()).map(NationalNumber::value).contains("85073003328");
		java.util.Set<String> citizenPrivileges = new java.util.TreeSet<>();
		roleContributions.forEach(c -> citizenPrivileges
			.addAll(c.privilegesByRole().getOrDefault(org.orchestra.shared.RoleContribution.CITIZEN, java.util.Set.of())));
		assertThat(citizenPrivileges).contains("identity.account.self", "counter.request")
			.noneMatch(p -> p.contains("desk") || p.contains("manage") || p.contains("admin"));
		assertThat(citizen.privileges()).containsExactlyInAnyOrderElementsOf(citizenPrivileges);
		assertThat(citizen.currentOrganisation()).isEmpty();
	}

	@Test
	void anExternalIdentityIsLinkedToTheCitizenByNationalNumber() {
		Account linked = identity.citizenFromExternalIdentity("https://idp.example|abc-1",
				new NationalNumber("85073003328"), "Demo Citizen", null);
		assertThat(linked.username()).isEqualTo("citizen.demo");
		String fresh = "05031512367";
		Account created = identity.citizenFromExternalIdentity("https://idp.example|new-1", new NationalNumber(fresh),
				"Anne Peeters", "anne@example.org");
		assertThat(created.kind()).isEqualTo(AccountKind.CITIZEN);
		assertThat(identity.principalOf(created).privileges()).contains("identity.account.self");
		assertThat(identity.principalOf(created).memberships()).isEmpty();
		assertThat(RoleContribution.CITIZEN).isEqualTo("citizen");
	}
}
