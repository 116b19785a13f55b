package org.orchestra.forms;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * A form's definition changed: a draft saved or imported ({@code saved}), a version published
 * ({@code published}), personal answers erased ({@code erased}, with the count in {@code details}) or an
 * organisation's offering changed ({@code offered}, {@code withdrawn}).
 */
public record FormDefinitionChanged(UUID formId, String formKey, int versionNumber, String type, String actor,
		String organisation, String details) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "forms.form." + type, "form", formKey, AuditFacts.SUCCESS,
				"v" + versionNumber + (details.isEmpty() ? "" : " " + details));
	}
}
