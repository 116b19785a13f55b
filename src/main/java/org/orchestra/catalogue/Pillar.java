package org.orchestra.catalogue;

/** The catalogue's three pillars. */
public enum Pillar {
	SMART_ADMIN("smart-admin"), E_CITIZEN("e-citizen"), SMART_CITY("smart-city");

	private final String key;

	Pillar(String key) {
		this.key = key;
	}

	/** Message key suffix and anchor of this pillar. */
	public String key() {
		return key;
	}
}
