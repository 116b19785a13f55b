package org.orchestra.forms;

import java.util.List;

import org.orchestra.shared.KnowledgeContribution;
import org.springframework.stereotype.Component;

/** Every published form, so that the counter assistant can point citizens to it. */
@Component
class FormsKnowledge implements KnowledgeContribution {

	private final FormDesign design;

	FormsKnowledge(FormDesign design) {
		this.design = design;
	}

	@Override
	public List<KnowledgeEntry> knowledge() {
		return design.published()
			.stream()
			.map(p -> new KnowledgeEntry("forms.form." + p.form().key(), p.definition().title(),
					p.definition().description() == null ? p.definition().title() : p.definition().description(),
					"/forms/" + p.form().key(), null, List.of(p.form().key().replace('-', ' '))))
			.toList();
	}
}
