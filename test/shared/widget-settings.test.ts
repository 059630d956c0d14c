import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WIDGET_SETTINGS,
  normaliseHexColour,
  readWidgetSettings,
} from '../../src/shared/api/widget-settings'

describe('reading stored widget settings', () => {
  it('reads a project never changed (NULL) as the defaults', () => {
    expect(readWidgetSettings(null)).toEqual(DEFAULT_WIDGET_SETTINGS)
  })

  it('keeps every valid field and replaces each broken one by its default', () => {
    expect(
      readWidgetSettings({
        accent: '#ABC',
        position: 'top-left',
        launcherText: '  Ideas  ',
        roadmapTab: 'auto',
        changelogTab: 42,
        fromTheFuture: true,
      }),
    ).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      accent: '#aabbcc',
      launcherText: 'Ideas',
      roadmapTab: 'auto',
    })
    expect(readWidgetSettings({ accent: 'red', launcherText: '   ' })).toEqual(
      DEFAULT_WIDGET_SETTINGS,
    )
    expect(readWidgetSettings('not an object')).toEqual(DEFAULT_WIDGET_SETTINGS)
  })

  it('writes one spelling per colour', () => {
    expect(normaliseHexColour('#0A7')).toBe('#00aa77')
    expect(normaliseHexColour('#4F46E5')).toBe('#4f46e5')
  })
})
