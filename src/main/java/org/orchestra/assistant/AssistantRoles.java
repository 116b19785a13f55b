package org.orchestra.assistant;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the assistant, its catalogue entries and public paths. */
@Component
class AssistantRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** Hand a question over to an agent, follow one's own conversations. */
	static final String CONVERSE = "assistant.conversation";
	/** Read and answer the organisation's conversations, see its statistics. */
	static final String INBOX = "assistant.inbox";
	/** Manage the organisation's reply templates. */
	static final String TEMPLATES = "assistant.templates.manage";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(CITIZEN, Set.of(CONVERSE), AGENT, Set.of(INBOX), ORG_ADMIN, Set.of(INBOX, TEMPLATES));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("assistant.catalogue.ask", BusinessEntry.INTERACT_WITH_CITIZENS, "/assistant"),
				CatalogueService.privileged("assistant.catalogue.mine", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/assistant/conversations", CONVERSE),
				CatalogueService.privileged("assistant.catalogue.inbox", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/desk/assistant", INBOX));
	}

	/** Asking is open to everyone; hand-off and conversations need a signed-in citizen. */
	@Override
	public List<String> patterns() {
		return List.of("/assistant", "/assistant/clear", "/api/assistant/ask");
	}

	/** Asking changes nothing on behalf of the asker: the JSON question API takes no CSRF token. */
	@Override
	public List<String> csrfExemptPatterns() {
		return List.of("/api/assistant/ask");
	}
}
