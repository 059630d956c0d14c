/**
 * The text colour for buttons in the site's accent: white while it reads at 4.5:1 or better,
 * else black (which then always does). `color` is a CSS colour as hex or as the browser's
 * computed `rgb(r, g, b)`; anything else keeps white.
 */
export function textOn(color: string): '#fff' | '#000' {
  const hex = color.match(/^#([\da-f]{3}|[\da-f]{6})$/i)
  const digits = hex
    ? (hex[1] as string).replace(/^(.)(.)(.)$/, '$1$1$2$2$3$3').match(/../g)
    : color.match(/\d+(\.\d+)?/g)
  if (!digits || digits.length < 3) return '#fff'
  const [r, g, b] = digits.map((d) => {
    const c = (hex ? parseInt(d, 16) : +d) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (luminance + 0.05) >= 4.5 ? '#fff' : '#000'
}
