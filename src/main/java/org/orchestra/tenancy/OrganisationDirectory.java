package org.orchestra.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenancy module's facade: the region's organisations.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

	private final Organisations organisations;

	OrganisationDirectory(Organisations organisations) {
		this.organisations = organisations;
	}

	public List<Organisation> all() {
		return organisations.findAllByOrderByTypeAscIdAsc();
	}

	public Optional<Organisation> find(OrganisationId id) {
		return organisations.findById(id.value());
	}

	public boolean exists(OrganisationId id) {
		return organisations.existsById(id.value());
	}

	/** The organisation's name in the given language, or its id when it is unknown. */
	public String nameOf(OrganisationId id, Locale locale) {
		return find(id).map(o -> o.name(locale)).orElse(id.value());
	}
}
