package org.orchestra.opendata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Datasets extends JpaRepository<Dataset, UUID> {

	Optional<Dataset> findBySlug(String slug);

	@Query("select distinct d from Dataset d left join fetch d.distributions where d.id in :ids")
	List<Dataset> findWithDistributions(@Param("ids") Collection<UUID> ids);

	List<Dataset> findByOrderByUpdatedAtDesc(Pageable page);

	long countByStatus(DatasetStatus status);
}

interface Publishers extends JpaRepository<Publisher, String> {

	Optional<Publisher> findByUri(String uri);

	Optional<Publisher> findByOrganisationId(String organisationId);
}

interface HarvestSources extends JpaRepository<HarvestSource, UUID> {

	List<HarvestSource> findByOrderByNameAsc();
}

interface HarvestJobs extends JpaRepository<HarvestJob, UUID> {

	List<HarvestJob> findBySourceIdOrderByStartedAtDesc(UUID sourceId, Pageable page);

	List<HarvestJob> findByOrderByStartedAtDesc(Pageable page);
}

