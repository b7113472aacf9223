<?php
/**
 * The bare `<member-map>` tag in a Custom HTML block, for authors without `unfiltered_html`.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_filter( 'wp_kses_allowed_html', 'member_map_kses_allowed_html', 10, 2 );
add_filter( 'wp_kses_uri_attributes', 'member_map_kses_uri_attributes' );

/**
 * The attributes kses keeps on `<member-map>`: exactly the element's public attributes (as the
 * shortcode takes them), `class` and `id`.
 *
 * No `style`: kses would keep much of it (safecss_filter_attr() allows `display`, `height`,
 * `position`, `width` …), and a page's rule on the element itself beats the element's own `:host`
 * rules, which keep `hidden`, the fullscreen fallback and the teaser's height working. The height
 * is the one thing authors need, and the shortcode's and the block's `height` set it, checked to be
 * a CSS length. No event handler (`on…`) either, and no `consent` (only the visitor or a consent
 * manager may agree to tiles) or `picking` (the coordinator's workbench).
 *
 * @return string[]
 */
function member_map_kses_attributes() {
	// `tiles` too is left to the shortcode and the block, which keep an author from `tiles="on"`.
	return array_merge( array_diff( member_map_element_attributes(), array( 'tiles' ) ), array( 'class', 'id' ) );
}

/**
 * Adds `<member-map>` to the tags allowed in posts.
 *
 * @param array  $tags    Allowed tags => their allowed attributes.
 * @param string $context Context: only 'post' (post content) gets the tag.
 * @return array
 */
function member_map_kses_allowed_html( $tags, $context ) {
	if ( 'post' !== $context || ! is_array( $tags ) ) {
		return $tags;
	}
	$tags['member-map'] = array_fill_keys( member_map_kses_attributes(), true );
	return $tags;
}

/**
 * The element's address attributes besides `src` and `href`: kses then refuses a bad protocol
 * (javascript:, data:) in them too.
 *
 * @param string[] $attributes Attributes that hold a URI.
 * @return string[]
 */
function member_map_kses_uri_attributes( $attributes ) {
	return array_values( array_unique( array_merge( (array) $attributes, array( 'basemap-url', 'places-url' ) ) ) );
}
