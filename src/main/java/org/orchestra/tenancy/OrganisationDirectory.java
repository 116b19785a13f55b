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
	private final java.util.Map<String, String[]> names = new java.util.concurrent.ConcurrentHashMap<>();

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

	/**
	 * The organisation's name in the given language, or its id when it is unknown. Names are reference data:
	 * they are kept in memory once read.
	 */
	public String nameOf(OrganisationId id, Locale locale) {
		String[] cached = names.get(id.value());
		if (cached == null) {
			Organisation organisation = find(id).orElse(null);
			if (organisation == null) {
				return id.value();
			}
			cached = new String[] { organisation.name().fr(), organisation.name().nl(), organisation.name(Locale.ENGLISH) };
			names.put(id.value(), cached);
		}
		return switch (locale.getLanguage()) {
			case "nl" -> cached[1];
			case "en" -> cached[2];
			default -> cached[0];
		};
	}

	/** Forgets cached names (after the reference file is reloaded). */
	void forgetNames() {
		names.clear();
	}
}
