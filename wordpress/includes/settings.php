<?php
/**
 * Settings → Mitgliederkarte: the defaults for every map (data file, contact address, tile mode).
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The settings page's slug (options-general.php?page=member-map) and the Settings API's page. */
const MEMBER_MAP_SETTINGS_PAGE = 'member-map';

/** The settings group (settings_fields(), options.php's option_page). */
const MEMBER_MAP_SETTINGS_GROUP = 'member_map';

add_action( 'admin_init', 'member_map_register_settings' );
add_action( 'admin_menu', 'member_map_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( MEMBER_MAP_FILE ), 'member_map_plugin_action_links' );

/**
 * Registers the three options, their sanitize callbacks, the section and the fields.
 */
function member_map_register_settings() {
	$defaults = member_map_option_defaults();
	$settings = array(
		MEMBER_MAP_OPTION_DATA_URL      => 'member_map_sanitize_data_url',
		MEMBER_MAP_OPTION_CONTACT_EMAIL => 'member_map_sanitize_contact_email',
		MEMBER_MAP_OPTION_TILES         => 'member_map_sanitize_tiles',
	);
	foreach ( $settings as $name => $sanitize ) {
		register_setting(
			MEMBER_MAP_SETTINGS_GROUP,
			$name,
			array(
				'type'              => 'string',
				'sanitize_callback' => $sanitize,
				'default'           => $defaults[ $name ],
			)
		);
	}

	add_settings_section( 'member_map_defaults', __( 'Voreinstellungen für jede Karte', 'member-map' ), 'member_map_settings_intro', MEMBER_MAP_SETTINGS_PAGE );
	add_settings_field(
		MEMBER_MAP_OPTION_DATA_URL,
		__( 'Mitgliederdatei (URL)', 'member-map' ),
		'member_map_field_data_url',
		MEMBER_MAP_SETTINGS_PAGE,
		'member_map_defaults',
		array( 'label_for' => MEMBER_MAP_OPTION_DATA_URL )
	);
	add_settings_field(
		MEMBER_MAP_OPTION_CONTACT_EMAIL,
		__( 'Kontaktadresse', 'member-map' ),
		'member_map_field_contact_email',
		MEMBER_MAP_SETTINGS_PAGE,
		'member_map_defaults',
		array( 'label_for' => MEMBER_MAP_OPTION_CONTACT_EMAIL )
	);
	add_settings_field(
		MEMBER_MAP_OPTION_TILES,
		__( 'Detailkarte (Kacheln)', 'member-map' ),
		'member_map_field_tiles',
		MEMBER_MAP_SETTINGS_PAGE,
		'member_map_defaults',
		array( 'label_for' => MEMBER_MAP_OPTION_TILES )
	);
}

/**
 * Adds Settings → Mitgliederkarte (for users with manage_options).
 */
function member_map_add_settings_page() {
	add_options_page(
		__( 'Mitgliederkarte', 'member-map' ),
		__( 'Mitgliederkarte', 'member-map' ),
		'manage_options',
		MEMBER_MAP_SETTINGS_PAGE,
		'member_map_settings_page'
	);
}

/**
 * A "Einstellungen" link in the plugin's row on the Plugins screen.
 *
 * @param string[] $links Action links.
 * @return string[]
 */
function member_map_plugin_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=' . MEMBER_MAP_SETTINGS_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Einstellungen', 'member-map' ) . '</a>' );
	return $links;
}

/**
 * The settings page. options.php saves it (settings_fields() writes the nonce and the group).
 */
function member_map_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php
			settings_fields( MEMBER_MAP_SETTINGS_GROUP );
			do_settings_sections( MEMBER_MAP_SETTINGS_PAGE );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'Karte einfügen', 'member-map' ); ?></h2>
		<ul class="ul-disc">
			<li><?php echo wp_kses( __( 'Shortcode: <code>[member-map]</code>, z. B. <code>[member-map region="DE-BW" height="30rem"]</code> oder als kleine Karte in der Seitenspalte <code>[member-map teaser href="/karte/"]</code>.', 'member-map' ), array( 'code' => array() ) ); ?></li>
			<li><?php esc_html_e( 'Block „Mitgliederkarte“ im Block-Editor, mit Datei, Bundesland, Sprache, Höhe und Detailkarte in der Seitenleiste.', 'member-map' ); ?></li>
			<li><?php echo wp_kses( __( 'Oder das Tag <code>&lt;member-map src="…"&gt;&lt;/member-map&gt;</code> in einem Block „Individuelles HTML“.', 'member-map' ), array( 'code' => array() ) ); ?></li>
		</ul>
	</div>
	<?php
}

/**
 * Text above the fields.
 */
function member_map_settings_intro() {
	echo '<p>' . esc_html__( 'Diese Werte gelten für jede Karte, die keine eigenen angibt. Die Mitgliederdatei (members.geojson oder members.json) kann in der Mediathek hochgeladen werden; ihre Adresse steht dort unter „Datei-URL“.', 'member-map' ) . '</p>';
}

/**
 * Field: default data URL.
 */
function member_map_field_data_url() {
	printf(
		'<input type="text" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="%3$s" />',
		esc_attr( MEMBER_MAP_OPTION_DATA_URL ),
		esc_attr( member_map_get_option( MEMBER_MAP_OPTION_DATA_URL ) ),
		esc_attr( '/wp-content/uploads/members.geojson' )
	);
	echo '<p class="description">' . esc_html__( 'Eine Adresse mit https:// oder ein Pfad auf dieser Website, der mit / beginnt.', 'member-map' ) . '</p>';
}

/**
 * Field: contact address.
 */
function member_map_field_contact_email() {
	printf(
		'<input type="text" class="regular-text" id="%1$s" name="%1$s" value="%2$s" autocomplete="email" />',
		esc_attr( MEMBER_MAP_OPTION_CONTACT_EMAIL ),
		esc_attr( member_map_get_option( MEMBER_MAP_OPTION_CONTACT_EMAIL ) )
	);
	echo '<p class="description">' . esc_html__( 'An diese Adresse schreibt, wer auf „Mitglied werden?“ klickt. Leer: die Adresse der Koordinierungsstelle.', 'member-map' ) . '</p>';
}

/**
 * Field: tile mode.
 */
function member_map_field_tiles() {
	$current = member_map_sanitize_tiles( member_map_get_option( MEMBER_MAP_OPTION_TILES ) );
	printf( '<select id="%1$s" name="%1$s">', esc_attr( MEMBER_MAP_OPTION_TILES ) );
	foreach ( member_map_tile_modes() as $value => $label ) {
		printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $value ), selected( $current, $value, false ), esc_html( $label ) );
	}
	echo '</select>';
	echo '<p class="description">' . esc_html__( 'Nach Zustimmung lädt die Karte Kacheln von OpenStreetMap erst, wenn Besucher auf „Detailkarte laden“ klicken; bis dahin geht keine Anfrage an fremde Server.', 'member-map' ) . '</p>';
}
