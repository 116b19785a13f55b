package org.orchestra.assistant;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orchestra.identity.Account;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.identity.OrchestraPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant with its direct dependencies: a hand-off publishes the audited event of the new conversation, and
 * an agent's reply queues an e-mail to the citizen in the conversation's language.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class AssistantModuleTests {

	@Autowired
	CounterAssistant assistant;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aHandOffPublishesTheOpenedConversation(Scenario scenario) {
		Account citizen = identity.findAccount("citizen.demo").orElseThrow();
		OrchestraPrincipal principal = identity.principalOf(citizen);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		scenario.stimulate(() -> assistant.handOff("Waar kan ik mijn grofvuil kwijt?", "commune-21015", Locale.of("nl")))
			.andWaitForEventOfType(ConversationChanged.class)
			.matching(event -> event.type().equals("opened"))
			.toArriveAndVerify(event -> {
				assertThat(event.organisation()).isEqualTo("commune-21015");
				assertThat(event.citizenAccount()).isEqualTo(citizen.id());
				assertThat(event.locale()).isEqualTo("nl");
				assertThat(event.auditFacts().action()).isEqualTo("assistant.conversation.opened");
				assertThat(event.auditFacts().details()).doesNotContain("grofvuil");
			});
	}

	@Test
	void aReplyQueuesAnEmailInTheConversationsLanguage(Scenario scenario) {
		Account citizen = identity.findAccount("citizen.demo").orElseThrow();
		UUID conversation = UUID.randomUUID();
		scenario.publish(new ConversationChanged(conversation, "commune-21009", "replied", "agent.ixelles", citizen.id(),
				"nl", null))
			.andWaitForStateChange(() -> jdbc.queryForList(
					"select subject from notification_message where recipient = ? and body like ?", String.class,
					citizen.email(), "%/assistant/conversations/" + conversation + "%"),
					subjects -> !subjects.isEmpty())
			.andVerify(subjects -> assertThat(subjects)
				.containsExactly("Een medewerker van Gemeente Elsene heeft uw vraag beantwoord"));
	}
}
