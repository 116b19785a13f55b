package org.orchestra.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenancy module's facade: the region's organisations.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

	private final Organisations organisations;
	private final Map<String, String[]> names = new ConcurrentHashMap<>();
	private final Set<String> known = ConcurrentHashMap.newKeySet();

	OrganisationDirectory(Organisations organisations) {
		this.organisations = organisations;
	}

	public List<Organisation> all() {
		return organisations.findAllByOrderByTypeAscIdAsc();
	}

	public Optional<Organisation> find(OrganisationId id) {
		return organisations.findById(id.value());
	}

	/**
	 * Whether the organisation exists. Organisations are reference data and are never removed, so one found once is
	 * remembered and not looked up again.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean exists(OrganisationId id) {
		if (known.contains(id.value())) {
			return true;
		}
		boolean exists = organisations.existsById(id.value());
		if (exists) {
			known.add(id.value());
		}
		return exists;
	}

	/**
	 * The organisation's name in the given language, or its id when it is unknown. Names are reference data:
	 * they are kept in memory once read.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
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
