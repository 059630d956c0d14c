// Entry of widget.js: boots the widget against this page. Exports nothing.
import { bootWidget } from './boot'
import { createUi } from './ui'

bootWidget(window, createUi)
