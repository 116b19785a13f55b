package org.orchestra.tenancy;

import java.util.Locale;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.LocalizedText;

/**
 * An organisation: the Region, a commune, a CPAS or a regional body. Reference data shared by every module.
 */
@Entity
@Table(name = "tenancy_organisation")
public class Organisation {

	@Id
	private String id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private OrganisationType type;

	@Column(name = "parent_id")
	private @Nullable String parentId;

	@Column(name = "nis_code", length = 5)
	private @Nullable String nisCode;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "fr", column = @Column(name = "name_fr", nullable = false)),
			@AttributeOverride(name = "nl", column = @Column(name = "name_nl", nullable = false)),
			@AttributeOverride(name = "en", column = @Column(name = "name_en")) })
	private LocalizedText name;

	@Column(nullable = false)
	private boolean active = true;

	protected Organisation() {
	}

	Organisation(OrganisationId id, OrganisationType type, @Nullable OrganisationId parent, @Nullable String nisCode,
			LocalizedText name) {
		this.id = id.value();
		this.type = type;
		this.parentId = parent == null ? null : parent.value();
		this.nisCode = nisCode;
		this.name = name;
	}

	void update(OrganisationType type, @Nullable OrganisationId parent, @Nullable String nisCode, LocalizedText name) {
		this.type = type;
		this.parentId = parent == null ? null : parent.value();
		this.nisCode = nisCode;
		this.name = name;
	}

	public OrganisationId id() {
		return new OrganisationId(id);
	}

	public OrganisationType type() {
		return type;
	}

	public @Nullable OrganisationId parent() {
		return parentId == null ? null : new OrganisationId(parentId);
	}

	public @Nullable String nisCode() {
		return nisCode;
	}

	public LocalizedText name() {
		return name;
	}

	public String name(Locale locale) {
		return name.in(locale);
	}

	public boolean active() {
		return active;
	}
}
