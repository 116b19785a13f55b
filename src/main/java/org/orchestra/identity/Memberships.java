package org.orchestra.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Memberships extends JpaRepository<Membership, UUID> {

	List<Membership> findByAccountIdOrderByOrganisationIdAscRoleAsc(UUID accountId);

	List<Membership> findByOrganisationIdOrderByGrantedAtAsc(String organisationId);

	Optional<Membership> findByAccountIdAndOrganisationIdAndRole(UUID accountId, String organisationId, String role);
}
