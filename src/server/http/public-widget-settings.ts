import type { TabVisibility, WidgetSettings } from '../../shared/api'
import type { ReadCaches } from './read-caches'

/**
 * The widget's settings as the widget gets them: `auto` tabs resolved here, so the widget
 * never fetches a roadmap or changelog only to learn whether to offer it. Looks only at what an
 * `auto` tab needs (the roadmap through the same cache its own view reads).
 */
export async function publicWidgetSettings(
  caches: Pick<ReadCaches, 'roadmap'>,
  projectId: string,
  widget: WidgetSettings,
  latestChangelogAt: string | null,
): Promise<WidgetSettings> {
  const resolve = async (
    visibility: TabVisibility,
    hasContent: () => Promise<boolean>,
  ): Promise<TabVisibility> =>
    visibility !== 'auto' ? visibility : (await hasContent()) ? 'shown' : 'hidden'
  return {
    ...widget,
    roadmapTab: await resolve(widget.roadmapTab, async () =>
      (await caches.roadmap(projectId, null)).some((lane) => lane.requests.length > 0),
    ),
    changelogTab: await resolve(widget.changelogTab, async () => latestChangelogAt !== null),
  }
}
