package org.orchestra.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
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

	OrganisationDirectory(Organisations organisations) {
		this.organisations = organisations;
	}

	public List<Organisation> all() {
		return organisations.findAllByOrderByTypeAscIdAsc();
	}

	public Optional<Organisation> find(OrganisationId id) {
		return organisations.findById(id.value());
	}

	/** Whether the organisation exists; see {@link #nameOf} for what is kept in memory. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean exists(OrganisationId id) {
		return names(id) != null;
	}

	/**
	 * The organisation's name in the given language, or its id when it is unknown. Organisations are reference
	 * data and are never removed: their names are kept in memory once read, which also answers {@link #exists}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String nameOf(OrganisationId id, Locale locale) {
		String[] cached = names(id);
		if (cached == null) {
			return id.value();
		}
		return switch (locale.getLanguage()) {
			case "nl" -> cached[1];
			case "en" -> cached[2];
			default -> cached[0];
		};
	}

	/** The organisation's names (FR, NL, EN), read once; {@code null} when there is no such organisation. */
	private String @Nullable [] names(OrganisationId id) {
		String[] cached = names.get(id.value());
		if (cached == null) {
			Organisation organisation = find(id).orElse(null);
			if (organisation == null) {
				return null;
			}
			cached = new String[] { organisation.name().fr(), organisation.name().nl(), organisation.name(Locale.ENGLISH) };
			names.put(id.value(), cached);
		}
		return cached;
	}

	/** Forgets cached names (after the reference file is reloaded). */
	void forgetNames() {
		names.clear();
	}
}
