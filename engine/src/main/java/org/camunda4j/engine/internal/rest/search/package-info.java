/**
 * The generic search contract of the {@code POST /v2/.../search} endpoints over in-memory items:
 * {@link org.camunda4j.engine.internal.rest.search.SearchQuery} (filter, sort, page) is decoded from
 * the request, each resource declares its {@link org.camunda4j.engine.internal.rest.search.SearchFields},
 * and {@link org.camunda4j.engine.internal.rest.search.Search#search} answers with a {@link
 * org.camunda4j.engine.internal.rest.search.SearchResult} ready to be written.
 */
package org.camunda4j.engine.internal.rest.search;
