package org.orchestra.territory;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CommuneAreas extends JpaRepository<CommuneArea, String> {

	@Modifying
	@Query("delete from CommuneArea")
	void deleteEverything();
}

interface RegionOutlines extends JpaRepository<RegionOutline, Integer> {

	@Modifying
	@Query("delete from RegionOutline")
	void deleteEverything();
}

interface StreetNames extends JpaRepository<StreetName, UUID> {

	@Modifying
	@Query("delete from StreetName")
	void deleteEverything();
}

interface RoadSegments extends JpaRepository<RoadSegment, UUID> {

	@Modifying
	@Query("delete from RoadSegment")
	void deleteEverything();
}

interface AddressPoints extends JpaRepository<AddressPoint, UUID> {

	@Modifying
	@Query("delete from AddressPoint")
	void deleteEverything();
}

interface ImportJobs extends JpaRepository<ImportJob, UUID> {

	List<ImportJob> findTop50ByOrderByStartedAtDesc();
}
