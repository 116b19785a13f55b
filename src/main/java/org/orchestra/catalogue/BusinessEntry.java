package org.orchestra.catalogue;

/** The ten business entries of the catalogue, each under one pillar. */
public enum BusinessEntry {
	WORK_DIFFERENTLY(Pillar.SMART_ADMIN, "work-differently"),
	OPTIMISE_ADMINISTRATIVE_PROCESSES(Pillar.SMART_ADMIN, "administrative-processes"),
	OPTIMISE_BUSINESS_PROCESSES(Pillar.SMART_ADMIN, "business-processes"),
	HOST_DATA(Pillar.SMART_ADMIN, "host-data"),
	USE_DATA(Pillar.SMART_ADMIN, "use-data"),
	SECURE_IT(Pillar.SMART_ADMIN, "secure-it"),
	INTERACT_WITH_CITIZENS(Pillar.E_CITIZEN, "interact-citizens"),
	INFORM_CITIZENS(Pillar.E_CITIZEN, "inform-citizens"),
	MANAGE_TERRITORY(Pillar.SMART_CITY, "manage-territory"),
	COMMUNITY_LIFE(Pillar.SMART_CITY, "community-life");

	private final Pillar pillar;
	private final String key;

	BusinessEntry(Pillar pillar, String key) {
		this.pillar = pillar;
		this.key = key;
	}

	public Pillar pillar() {
		return pillar;
	}

	/** Message key suffix and anchor of this entry. */
	public String key() {
		return key;
	}
}
