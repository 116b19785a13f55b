package org.orchestra.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An organisation administrator manages the members of their own organisation only. */
class MembersTests extends PlatformTests {

	@Test
	void anAdministratorCreatesAColleagueAndGivesThemARole() throws Exception {
		String username = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(post("/admin/members").session(admin)
			.param("username", username)
			.param("role", "agent")
			.param("displayName", "New Colleague")
			.param("email", username + "@example.org")
			.param("password", "Initial-Password-1")
			.with(csrf())).andExpect(redirectedUrl("/admin/members"));
		assertThat(jdbc.queryForObject("""
				select count(*) from identity_membership m join identity_account a on a.id = m.account_id
				where a.username = ? and m.organisation_id = 'commune-21009' and m.role = 'agent'""", Integer.class,
				username)).isEqualTo(1);
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'identity.membership.granted' and target_id = ?",
				Integer.class, username)).isEqualTo(1));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = ? and organisation_id = 'commune-21009'",
				Integer.class, username + "@example.org")).isEqualTo(1));
	}

	@Test
	void badInputIsExplainedOnTheFormAndNothingIsStored() throws Exception {
		MockHttpSession admin = login("admin.ixelles");
		String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/members").session(admin)
			.header("Accept-Language", "nl")
			.param("username", username)
			.param("role", "agent")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Geen account heeft deze gebruikersnaam")));
		mvc.perform(post("/admin/members").session(admin)
			.param("username", username)
			.param("role", "agent")
			.param("displayName", "Weak")
			.param("password", "short")
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("12")));
		assertThat(jdbc.queryForObject("select count(*) from identity_account where username = ?", Integer.class,
				username)).isZero();
		mvc.perform(post("/admin/members").session(admin)
			.param("username", "agent.schaerbeek")
			.param("role", "platform-superuser")
			.with(csrf())).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("""
				select count(*) from identity_membership m join identity_account a on a.id = m.account_id
				where a.username = 'agent.schaerbeek' and m.organisation_id = 'commune-21009'""", Integer.class))
			.isZero();
	}

	@Test
	void anAdministratorCannotRevokeAMembershipOfAnotherOrganisation() throws Exception {
		UUID schaerbeekMembership = jdbc.queryForObject("""
				select m.id from identity_membership m join identity_account a on a.id = m.account_id
				where a.username = 'agent.schaerbeek' and m.organisation_id = 'commune-21015'""", UUID.class);
		MockHttpSession ixellesAdmin = login("admin.ixelles");
		mvc.perform(post("/admin/members/{id}/revoke", schaerbeekMembership).session(ixellesAdmin).with(csrf()))
			.andExpect(redirectedUrl("/admin/members"));
		assertThat(jdbc.queryForObject("select count(*) from identity_membership where id = ?", Integer.class,
				schaerbeekMembership)).isEqualTo(1);
	}

	@Test
	void anAdministratorSeesOnlyTheirOwnOrganisationsMembers() throws Exception {
		MockHttpSession admin = login("admin.schaerbeek");
		mvc.perform(get("/admin/members").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("agent.schaerbeek")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("agent.ixelles"))));
	}

	@Test
	void anAgentWithoutThePrivilegeIsRefused() throws Exception {
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(get("/admin/members").session(agent)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/members").session(agent).param("username", "agent.ixelles").param("role",
				"org-admin").with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void staffSwitchTheOrganisationTheyActForAndPrivilegesFollow() throws Exception {
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/account/organisation").session(agent).param("organisation", "cpas-21009").with(csrf()))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").session(agent).header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("OCMW Elsene")));
		mvc.perform(post("/account/organisation").session(agent).param("organisation", "commune-21015").with(csrf()))
			.andExpect(status().isForbidden());
	}
}
