/**
 * Editor side of the block "Mitgliederkarte" (member-map/map): plain JavaScript on the editor's
 * globals, no build step. Title, attributes and supports come from block.json (registered on the
 * server); the map itself is rendered on the server (member_map_render()), the editor shows a box
 * in its place and the settings in the sidebar.
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor || wp.editor;
	var InspectorControls = blockEditor.InspectorControls;
	var useBlockProps = blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var TextControl = wp.components.TextControl;
	var SelectControl = wp.components.SelectControl;

	// Länder: begin (written by scripts/wordpress-laender.js from src/places/laender.ts)
	/** The 16 Länder: the element's `region` takes their ISO 3166-2 codes. */
	var LAENDER = [
		[ 'DE-BW', 'Baden-Württemberg' ],
		[ 'DE-BY', 'Bayern' ],
		[ 'DE-BE', 'Berlin' ],
		[ 'DE-BB', 'Brandenburg' ],
		[ 'DE-HB', 'Bremen' ],
		[ 'DE-HH', 'Hamburg' ],
		[ 'DE-HE', 'Hessen' ],
		[ 'DE-MV', 'Mecklenburg-Vorpommern' ],
		[ 'DE-NI', 'Niedersachsen' ],
		[ 'DE-NW', 'Nordrhein-Westfalen' ],
		[ 'DE-RP', 'Rheinland-Pfalz' ],
		[ 'DE-SL', 'Saarland' ],
		[ 'DE-SN', 'Sachsen' ],
		[ 'DE-ST', 'Sachsen-Anhalt' ],
		[ 'DE-SH', 'Schleswig-Holstein' ],
		[ 'DE-TH', 'Thüringen' ],
	];
	// Länder: end

	var REGION_OPTIONS = [ { value: '', label: __( 'Ganz Deutschland', 'member-map' ) } ].concat(
		LAENDER.map( function ( land ) {
			return { value: land[ 0 ], label: land[ 1 ] };
		} )
	);

	var LANG_OPTIONS = [
		{ value: '', label: __( 'Sprache der Seite', 'member-map' ) },
		{ value: 'de', label: __( 'Deutsch', 'member-map' ) },
		{ value: 'en', label: __( 'Englisch', 'member-map' ) },
	];

	var TILES_OPTIONS = [
		{ value: '', label: __( 'Wie in den Einstellungen', 'member-map' ) },
		{ value: 'consent', label: __( 'Nach Zustimmung (Detailkarte auf Klick)', 'member-map' ) },
		{ value: 'on', label: __( 'Immer (Kacheln sofort laden)', 'member-map' ) },
		{ value: 'off', label: __( 'Nie (nur Offline-Karte)', 'member-map' ) },
	];

	/** The same check as member_map_is_css_length() on the server. */
	var CSS_LENGTH = /^(?:\d{1,4}(?:\.\d{1,3})?|\.\d{1,3})(?:px|em|rem|ch|ex|vh|vw|vmin|vmax|svh|lvh|dvh|cm|mm|in|pt|pc)$/i;

	function labelOf( options, value ) {
		for ( var i = 0; i < options.length; i++ ) {
			if ( options[ i ].value === value ) {
				return options[ i ].label;
			}
		}
		return value;
	}

	function Edit( props ) {
		var attributes = props.attributes;
		var setAttributes = props.setAttributes;
		var heightValid = ! attributes.height || CSS_LENGTH.test( attributes.height.trim() );
		var height = attributes.height && heightValid ? attributes.height.trim() : '480px';

		function setter( name ) {
			return function ( value ) {
				var change = {};
				change[ name ] = value;
				setAttributes( change );
			};
		}

		var inspector = el(
			InspectorControls,
			null,
			el(
				PanelBody,
				{ title: __( 'Karte', 'member-map' ), initialOpen: true },
				el( TextControl, {
					label: __( 'Mitgliederdatei (URL)', 'member-map' ),
					help: __( 'Adresse der members.geojson, z. B. aus der Mediathek. Leer: die Datei aus Einstellungen → Mitgliederkarte.', 'member-map' ),
					value: attributes.src,
					onChange: setter( 'src' ),
				} ),
				el( SelectControl, {
					label: __( 'Bundesland', 'member-map' ),
					value: attributes.region,
					options: REGION_OPTIONS,
					onChange: setter( 'region' ),
				} ),
				el( TextControl, {
					label: __( 'Eigene Gemeinde (near)', 'member-map' ),
					help: __( 'Name oder AGS einer Gemeinde, z. B. Heidelberg oder „Neustadt, Hessen“: die Karte öffnet dort, mit den nächsten Mitgliedern. Leer: alle Mitglieder.', 'member-map' ),
					value: attributes.near,
					onChange: setter( 'near' ),
				} ),
				el( SelectControl, {
					label: __( 'Sprache', 'member-map' ),
					value: attributes.lang,
					options: LANG_OPTIONS,
					onChange: setter( 'lang' ),
				} ),
				el( TextControl, {
					label: __( 'Höhe', 'member-map' ),
					help: heightValid
						? __( 'Eine CSS-Länge wie 480px oder 30rem. Leer: 480px.', 'member-map' )
						: __( 'Keine gültige Länge: bitte z. B. 480px oder 30rem angeben. So wird sie nicht verwendet.', 'member-map' ),
					value: attributes.height,
					onChange: setter( 'height' ),
				} ),
				el( SelectControl, {
					label: __( 'Detailkarte (Kacheln)', 'member-map' ),
					value: attributes.tiles,
					options: TILES_OPTIONS,
					onChange: setter( 'tiles' ),
				} )
			)
		);

		var summary = [
			__( 'Daten:', 'member-map' ) + ' ' + ( attributes.src || __( 'aus den Einstellungen', 'member-map' ) ),
			__( 'Bundesland:', 'member-map' ) + ' ' + labelOf( REGION_OPTIONS, attributes.region ),
		].concat( attributes.near ? [ __( 'Gemeinde:', 'member-map' ) + ' ' + attributes.near ] : [] ).concat( [
			__( 'Detailkarte:', 'member-map' ) + ' ' + labelOf( TILES_OPTIONS, attributes.tiles ),
		] );

		var preview = el(
			'div',
			useBlockProps( {
				style: {
					boxSizing: 'border-box',
					minHeight: height,
					display: 'flex',
					flexDirection: 'column',
					alignItems: 'center',
					justifyContent: 'center',
					gap: '0.5em',
					padding: '1em',
					border: '1px dashed #8c8f94',
					borderRadius: '8px',
					background: '#d5e5ee',
					color: '#1e1e1e',
					textAlign: 'center',
				},
			} ),
			el( 'strong', null, __( 'Mitgliederkarte – Vorschau auf der Seite', 'member-map' ) ),
			summary.map( function ( line, index ) {
				return el( 'span', { key: index, style: { fontSize: '0.875em' } }, line );
			} )
		);

		return el( wp.element.Fragment, null, inspector, preview );
	}

	wp.blocks.registerBlockType( 'member-map/map', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp );
